// Day two against the real API: provision a Sovereign, open it with "Change this Sovereign", add
// LibreChat and one worker, read the diff on Review, commit revision 2, see it in the history,
// and compare revisions 1 and 2.
import { expect, test, type Page } from '@playwright/test';
import { COLD_KEY_ID, COLD_SECRET, DRAFT_KEY, TOKEN, goToStep, seededState } from './fixtures';

/** With SCREENSHOTS=1: the change on Review and the Sovereign page go to docs/screenshots/. */
const shots = process.env.SCREENSHOTS === '1';

/**
 * Seeds a complete draft whose region 2 has one worker more than region 1 (room for LibreChat
 * there), types the secrets and walks to Review, ready to provision.
 */
async function reachReview(page: Page, name: string): Promise<void> {
  const seed = seededState(name);
  const region2 = seed.state.draft.infrastructure.regions[1];
  if (region2) region2.workers = { ...region2.workers, count: region2.workers.count + 1 };
  await page.goto('/healthz');
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key as string, value as string),
    [DRAFT_KEY, JSON.stringify(seed)],
  );
  await page.goto('/wizard/infrastructure');
  await page.getByLabel('Hetzner Cloud API token').fill(TOKEN);
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByLabel('Cold-tier access key id').fill(COLD_KEY_ID);
  await page.getByLabel('Cold-tier secret access key').fill(COLD_SECRET);
  for (const heading of ['DNS', 'Components', 'Review']) {
    await page.getByRole('button', { name: /^Next/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
}

test('change a Sovereign: add LibreChat and a worker, read the diff, commit and compare', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = `e2e-rev-${Date.now().toString(36)}`;
  await reachReview(page, name);
  await page
    .getByRole('region', { name: 'Provision' })
    .getByRole('button', { name: 'Provision' })
    .click();
  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/);
  await expect(page.getByText('ready-to-apply', { exact: true })).toBeVisible({ timeout: 30_000 });

  // Open it in the wizard: revision mode on Review, with the banner.
  await page.getByRole('button', { name: 'Change this Sovereign' }).click();
  await page
    .getByRole('dialog', { name: `Open ${name} in the wizard?` })
    .getByRole('button', { name: 'Open in the wizard' })
    .click();
  await expect(page).toHaveURL(/\/wizard\/review$/);
  await expect(page.getByRole('region', { name: 'Revision mode' })).toContainText(
    `Changing ${name}, from revision 1`,
  );
  const change = page.getByRole('region', { name: 'Change', exact: true });
  await expect(change.getByText('Nothing changes.')).toBeVisible();

  // Components: add LibreChat (and its dependencies).
  await goToStep(page, 'Components');
  await page.getByRole('checkbox', { name: 'Install LibreChat' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Added LibreChat' })).toBeVisible();

  // Infrastructure: the name is locked; one worker more in region 1, for LibreChat's load.
  await goToStep(page, 'Infrastructure');
  await expect(page.getByLabel('Sovereign name')).toBeDisabled();
  const workers = page.getByLabel('Worker count').first();
  await workers.fill('4');
  await expect(workers).toHaveValue('4');

  // Review: the change in words, then the files (the time to it is noted in the report).
  const started = Date.now();
  await goToStep(page, 'Review');
  const added = change.getByRole('list', { name: /^Components added/ });
  await expect(added).toBeVisible();
  test.info().annotations.push({
    type: 'review-diff-ms',
    description: `${Date.now() - started} ms from the Review link to the change in words`,
  });
  for (const component of ['LibreChat', 'BGE', 'FerretDB', 'LLM Gateway', 'vLLM'])
    await expect(added.getByText(component, { exact: true })).toBeVisible();
  await expect(added).toContainText('LibreChat — Chosen by you');
  await expect(change.getByRole('list', { name: 'Regions' })).toContainText('Workers: 3 → 4');
  const components = change.locator('details').filter({ hasText: '· components' }).first();
  await components.locator('summary').click();
  await expect(
    components.getByLabel(/^Diff of clusters\/.+\/ai\/librechat\/helm-release\.yaml$/),
  ).toContainText('+kind: HelmRelease');
  if (shots) await change.screenshot({ path: 'docs/screenshots/revision-change.png' });

  // Commit revision 2, keeping the stored secrets.
  const provision = page.getByRole('region', { name: 'Provision', exact: true });
  await page
    .getByRole('region', { name: 'Revision mode' })
    .getByRole('checkbox', { name: /Keep the stored secrets/ })
    .check();
  const commit = provision.getByRole('button', { name: 'Commit revision 2' });
  await expect(commit).toBeEnabled();
  await commit.click();

  // The Sovereign page: revision 2 in the history, and the comparison of 1 and 2.
  await expect(page).toHaveURL(new RegExp(`/sovereigns/${name}$`));
  const revisions = page.getByRole('region', { name: 'Revisions' });
  await expect(revisions.getByRole('listitem', { name: 'Revision 2' })).toBeVisible();
  await expect(revisions.getByRole('listitem', { name: 'Revision 1' })).toBeVisible();
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(compare.getByRole('combobox', { name: 'From' })).toHaveValue('1');
  await expect(compare.getByRole('combobox', { name: 'To' })).toHaveValue('2');
  await expect(compare.getByRole('list', { name: /^Components added/ })).toContainText('LibreChat');
  if (shots) {
    await page.screenshot({ path: 'docs/screenshots/sovereign-page.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'docs/screenshots/phone-sovereign-page.png', fullPage: true });
  }
});
