// Honest labels and switches (issue 11, items 5, 6 and 8), in the built app against the real API:
// an unknown deployment is a plain 404 page, recommended defaults read "Recommended", Review lists
// the installed components by name, a provider switch says what it reset, and after Provision
// focus is on the progress heading.
import { expect, test } from '@playwright/test';
import { expectComponentsPlanOnly, reachReview, TOKEN } from './fixtures';

test('an unknown deployment id is a plain 404 page, never "Reconnecting…"', async ({ page }) => {
  await page.goto('/deployments/00000000-0000-4000-8000-000000000000');
  await expect(
    page.getByRole('heading', { level: 1, name: 'No deployment with this id' }),
  ).toBeVisible();
  await expect(page.getByText(/Reconnecting|Connecting/)).toHaveCount(0);
  await page.getByRole('link', { name: 'See all deployments' }).click();
  await expect(page).toHaveURL(/\/deployments$/);
});

test('first visit: recommended defaults read "Recommended", not "chosen by you"', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  await page.goto('/wizard/components');
  const counts = page.getByRole('list', { name: 'Selection counts' });
  await expect(counts).toContainText(/\d+ recommended/);
  await expect(counts).toContainText('0 chosen by you');
  await expect(page.getByText('Recommended: on by default').first()).toBeVisible();
  await expect(page.getByText('Chosen', { exact: true })).toHaveCount(0);
  expect(warnings.filter((w) => /HydrateFallback/.test(w))).toEqual([]);
  // The favicon is served.
  expect((await page.request.get('/favicon.svg')).status()).toBe(200);
});

test('a provider switch says what it reset and keeps the Hetzner token out of the AWS field', async ({
  page,
}) => {
  await page.goto('/wizard/infrastructure');
  await page.getByLabel('Hetzner Cloud API token').fill(TOKEN);
  await page.getByRole('radio', { name: /^Amazon Web Services/ }).check();
  const notice = page.locator('#provider-switch-notice');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText("Amazon Web Services does not offer Hetzner Cloud's regions");
  await expect(notice).toContainText('Region 1: cloud region fsn1 → eu-central-1');
  await expect(notice).toContainText('Hetzner Cloud API token stays with Hetzner Cloud');
  await expect(page.getByLabel(/^AWS access key/)).toHaveValue('');
  await page.getByRole('radio', { name: /^Hetzner Cloud/ }).check();
  await expect(page.getByLabel('Hetzner Cloud API token')).toHaveValue(TOKEN);
});

test('Review names the installed components by reason; after Provision focus is on the progress heading', async ({
  page,
}) => {
  const name = 'e2e-honest';
  await reachReview(page, name);
  await expect(page.getByRole('list', { name: 'Mandatory (always installed)' })).toContainText(
    'SeaweedFS',
  );
  await expect(page.getByRole('list', { name: 'Recommended (on by default)' })).toBeVisible();
  const provision = page.getByRole('region', { name: 'Provision' });
  await provision.getByRole('button', { name: 'Provision' }).click();
  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/);
  const heading = page.getByRole('heading', { level: 1, name: new RegExp(name) });
  await expect(heading).toBeFocused();
  await expect(page.getByText('ready-to-apply', { exact: true })).toBeVisible();
  await expectComponentsPlanOnly(page);
});
