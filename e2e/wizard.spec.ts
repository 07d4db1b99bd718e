// The whole wizard by keyboard alone: Tab to each control, type, Space/Enter to act.
import { expect, test, type Locator, type Page } from '@playwright/test';

const TOKEN = 'A1b2C3d4'.repeat(8);
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJpYtvyzoe97z8JKXOWRq7AQ3MM7jYHWgou6hwWqffZ/ ops@acme';
const R2_ACCOUNT = '0123456789abcdef0123456789abcdef';
const shots = process.env.SCREENSHOTS === '1';

/** Presses Tab until `target` has focus (fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached ${target.toString()} with Tab`);
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function next(page: Page, heading: string): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: /^Next/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

test('a user completes the wizard by keyboard alone', async ({ page }) => {
  await page.goto('/wizard/infrastructure');
  await expect(page.getByRole('heading', { level: 1, name: 'Infrastructure' })).toBeVisible();

  // Next on the empty step: errors, focus on the first invalid field.
  await tabTo(page, page.getByRole('button', { name: /^Next/ }));
  await page.keyboard.press('Enter');
  const summary = page.getByRole('region', { name: /This step has/ });
  await expect(summary).toContainText('Sovereign name is required');
  await expect(page.getByLabel('Sovereign name')).toBeFocused();

  await page.keyboard.type('acme-prod');
  await typeInto(page, page.getByLabel('Organisation name'), 'Acme Ltd');
  await typeInto(page, page.getByLabel('Contact email'), 'ops@acme.example');
  // Topology by arrow keys inside the radio group: Zoned -> Dual.
  await tabTo(page, page.getByRole('radio', { name: /^Zoned/ }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /^Dual/ })).toBeChecked();
  await typeInto(page, page.getByLabel('Hetzner Cloud API token'), TOKEN);
  await typeInto(page, page.getByLabel('SSH public key'), SSH_KEY);
  await expect(page.getByText('SHA256:tNjrFh4iIpL33QUBmvMGnpu2HHpliX+wbNOYf3U/g9o')).toBeVisible();
  await expect(summary).toHaveCount(0);
  await screenshot(page, 'infrastructure');
  await next(page, 'Storage tier');

  await typeInto(page, page.getByLabel('Cloudflare account id'), R2_ACCOUNT);
  await typeInto(page, page.getByLabel('Cold-tier access key id'), 'AKIAEXAMPLEKEY123456');
  await typeInto(
    page,
    page.getByLabel('Cold-tier secret access key'),
    'secret-access-key-0123456789',
  );
  await screenshot(page, 'storage');
  await next(page, 'DNS');

  await typeInto(page, page.getByLabel('Subdomain', { exact: true }), 'acme');
  await expect(page.getByText('acme.omani.works')).toBeVisible();
  await screenshot(page, 'dns');
  await next(page, 'Components');
  await next(page, 'Review');

  await expect(page.getByRole('heading', { name: 'Ready' })).toBeVisible();
  await expect(page.getByText('acme-prod', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dependency graph' })).toBeVisible();
  // The graph waits below the fold; the keyboard brings it in at once.
  await page.getByRole('button', { name: 'Show the dependency graph' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-node-id="flux"]')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'review');

  // Browser Back returns to the previous step with its values.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Components' })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Subdomain', { exact: true })).toHaveValue('acme');
});

test('a problem on Review links to its field and focuses it', async ({ page }) => {
  await page.goto('/wizard/review');
  const link = page.getByRole('link', { name: /Sovereign name is required/ });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/wizard\/infrastructure#field-infrastructure-sovereignName$/);
  await expect(page.getByLabel('Sovereign name')).toBeFocused();
});

test('the root redirects to the first incomplete step', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/wizard\/infrastructure$/);
  await page.goto('/wizard/nonsense');
  await expect(page).toHaveURL(/\/wizard\/infrastructure$/);
});
