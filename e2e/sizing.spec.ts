// Sizing that helps, in real Chromium against the built app: a solo Sovereign on the smallest
// nodes with every component is blocked on Review; its problem links to the region's worker size,
// which gets focus; "Fit nodes to load" makes it fit, and Review is ready with Provision enabled.
// With SCREENSHOTS=1 the Infrastructure step with the meters goes to docs/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { COMPONENTS } from '../src/shared/constants/components';
import { regionsForTopology } from '../src/shared/lib/draft-defaults';
import { COLD_KEY_ID, COLD_SECRET, DRAFT_KEY, TOKEN, goToStep, seededState } from './fixtures';

const shots = process.env.SCREENSHOTS === '1';

/** Solo, one cx23 control plane and one cx23 worker, every component chosen: far too big. */
function tooBig() {
  const seed = seededState('solo-big');
  const d = seed.state.draft;
  d.infrastructure.topology = 'solo';
  d.infrastructure.regions = regionsForTopology('solo', 'hetzner').map((r) => ({
    ...r,
    controlPlane: { size: 'cx23', ha: false },
    workers: { size: 'cx23', count: 1 },
  }));
  d.storage.seaweedfs.placement = 'single-region';
  d.dns.luaPolicy = 'single-region';
  d.components.chosen = COMPONENTS.filter((c) => c.tier !== 'mandatory').map((c) => c.id);
  return seed;
}

async function seed(page: Page): Promise<void> {
  await page.goto('/healthz');
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key as string, value as string),
    [DRAFT_KEY, JSON.stringify(tooBig())],
  );
}

/** Types the secrets on their steps (memory only) and walks to Review. */
async function walkToReview(page: Page): Promise<void> {
  await page.goto('/wizard/infrastructure');
  await page.getByLabel('Hetzner Cloud API token').fill(TOKEN);
  await goToStep(page, 'Storage tier');
  await page.getByLabel('Cold-tier access key id').fill(COLD_KEY_ID);
  await page.getByLabel('Cold-tier secret access key').fill(COLD_SECRET);
  await goToStep(page, 'Review');
}

const provision = (page: Page) => page.getByRole('button', { name: 'Provision', exact: true });

test('a plan too big for its nodes is blocked on Review, linked to the worker size, and one click fits it', async ({
  page,
}) => {
  await seed(page);
  await walkToReview(page);
  const problems = page.getByRole('region', { name: /problems? remains?/ });
  const link = problems.getByRole('link', { name: /Infrastructure: Nodes too small/ });
  await expect(link).toBeVisible();
  await expect(provision(page)).toBeDisabled();

  await link.click();
  await expect(page).toHaveURL(
    /\/wizard\/infrastructure#field-infrastructure-regions-0-workers-size$/,
  );
  const size = page.getByLabel('Worker size');
  await expect(size).toBeFocused();
  const region = page.getByRole('group', { name: /^Region 1/ });
  const load = region.getByRole('group', { name: 'Load of region 1' });
  await expect(load.getByText(/Over capacity/)).toBeVisible();

  await region.getByRole('button', { name: 'Fit nodes to load' }).click();
  const status = region.getByRole('status').filter({ hasText: 'Workers set to' });
  await expect(status).toContainText(/CPU \d+%, memory \d+%, disk \d+%/);
  await expect(status.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(load.getByText(/Over capacity/)).toHaveCount(0);
  for (const pct of await load.getByText(/\(\d+%\)$/).allInnerTexts())
    expect(Number(/\((\d+)%\)/.exec(pct)?.[1])).toBeLessThanOrEqual(80);

  await goToStep(page, 'Review');
  await expect(page.getByRole('region', { name: 'Ready' })).toBeVisible();
  await expect(page.getByText(/Nodes too small/)).toHaveCount(0);
  await expect(provision(page)).toBeEnabled();
});

test('the Infrastructure step shows the meters at desktop and phone width', async ({ page }) => {
  test.skip(!shots, 'SCREENSHOTS=1 writes docs/screenshots/sizing*.png');
  await seed(page);
  for (const [width, height, file] of [
    [1280, 900, 'sizing.png'],
    [390, 844, 'phone-sizing.png'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/wizard/infrastructure');
    const region = page.getByRole('group', { name: /^Region 1/ });
    await expect(region.getByRole('group', { name: 'Load of region 1' })).toBeVisible();
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(width);
    await region.getByRole('button', { name: 'Fit nodes to load' }).click();
    await expect(region.getByRole('button', { name: 'Undo' })).toBeVisible();
    await region.getByLabel('Worker size').scrollIntoViewIfNeeded();
    await region.screenshot({ path: `docs/screenshots/${file}` });
    await region.getByRole('button', { name: 'Undo' }).click();
  }
});
