// The dependency graph in real Chromium against the built app: what it shows, why, the chain
// highlight, removal through the panel, SVG export, keyboard use, and that it loads lazily.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';

const shots = process.env.SCREENSHOTS === '1';
const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);
const edge = (page: Page, id: string) => page.locator(`.react-flow__edge[data-id="${id}"]`);
const panel = (page: Page) =>
  page.getByRole('complementary').filter({ has: page.locator('#graph-panel-title') });

/** The graph's nodes: buttons named "<name>, <tier>, <status>". */
const graphNodes = (page: Page) =>
  page
    .getByRole('region', { name: 'Dependency graph' })
    .getByRole('button', { name: /, (Mandatory|Recommended|Optional), / });

/**
 * Chooses LibreChat on the Components step (it brings FerretDB, vLLM, BGE, LLM Gateway), then
 * opens /graph. Returns how many components the step said get installed.
 */
async function graphWithLibreChat(page: Page): Promise<number> {
  await page.goto('/wizard/components');
  await page.getByRole('checkbox', { name: 'Install LibreChat' }).check();
  const counts = page.getByRole('list', { name: 'Selection counts' });
  const installed = Number(
    (await counts.getByText(/ installed$/).textContent())?.split(' ')[0] ?? Number.NaN,
  );
  await page.goto('/graph');
  await expect(node(page, 'librechat')).toBeVisible();
  return installed;
}

async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached ${target.toString()} with Tab`);
}

/** Opacity a fully drawn node has, and a node faded off the hovered chain (Tailwind opacity-25). */
const SHOWN = '1';
const FADED = '0.25';
/** How many nodes are drawn faded right now (their computed opacity, as a user sees them). */
const fadedCount = (page: Page) =>
  page
    .locator('[data-node-id]')
    .evaluateAll(
      (els, faded) => els.filter((el) => getComputedStyle(el).opacity === faded).length,
      FADED,
    );

const focusedNode = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-node-id') ?? null);

test.describe('Dependency graph', () => {
  test('is not loaded by the first page', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto('/wizard/infrastructure');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(scripts.some((u) => u.includes('dependency-graph'))).toBe(false);
    await page.goto('/graph');
    await expect(node(page, 'flux')).toBeVisible();
    expect(scripts.some((u) => u.includes('dependency-graph'))).toBe(true);
  });

  test('shows the chosen components and their dependencies with an edge per dependency', async ({
    page,
  }) => {
    const installed = await graphWithLibreChat(page);
    for (const id of ['librechat', 'ferretdb', 'vllm', 'bge', 'flux'])
      await expect(node(page, id)).toBeVisible();
    expect(installed).toBeGreaterThan(20);
    await expect(graphNodes(page)).toHaveCount(installed);
    await expect(edge(page, 'ferretdb->librechat')).toBeAttached();
    await expect(edge(page, 'vllm->librechat')).toBeAttached();
    const edgeIds = await page
      .locator('.react-flow__edge')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
    expect(edgeIds.length).toBeGreaterThan(10);
    const drawn = new Set(
      await page
        .locator('[data-node-id]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-node-id'))),
    );
    for (const id of edgeIds) {
      const [from, to] = id.split('->');
      expect(drawn, `edge ${id} joins two drawn nodes`).toContain(from);
      expect(drawn, `edge ${id} joins two drawn nodes`).toContain(to);
    }
    await expect(node(page, 'superset')).toHaveCount(0);
    await page.getByRole('switch', { name: 'Show whole catalog' }).check();
    // Not installed: said in its name, and drawn dashed and dimmed.
    await expect(node(page, 'superset')).toHaveAccessibleName(/, not installed$/);
    await expect(node(page, 'superset')).toHaveCSS('border-top-style', 'dashed');
    await expect(node(page, 'superset')).toHaveCSS('opacity', '0.45');
  });

  test('clicking a node says why it is installed', async ({ page }) => {
    await graphWithLibreChat(page);
    await node(page, 'ferretdb').click();
    await expect(panel(page).getByRole('heading', { name: 'FerretDB' })).toBeVisible();
    await expect(panel(page).getByRole('note', { name: 'Why it is installed' })).toHaveText(
      'Required by LibreChat',
    );
    await expect(panel(page)).toContainText('Needed by (installed)');
  });

  test('closing the panel with ✕ or Escape focuses the node it showed', async ({ page }) => {
    await graphWithLibreChat(page);
    await node(page, 'ferretdb').click();
    const close = panel(page).getByRole('button', { name: 'Close details of FerretDB' });
    await close.click();
    await expect(panel(page)).toHaveCount(0);
    await expect(node(page, 'ferretdb')).toBeFocused();

    await node(page, 'vllm').click();
    await panel(page).getByRole('button', { name: 'Remove vLLM' }).focus();
    await page.keyboard.press('Escape');
    await expect(panel(page)).toHaveCount(0);
    await expect(node(page, 'vllm')).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(panel(page).getByRole('heading', { name: 'vLLM' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel(page)).toHaveCount(0);
    await expect(node(page, 'vllm')).toBeFocused();
  });

  test('hovering a node highlights its chain and fades the rest', async ({ page }) => {
    await graphWithLibreChat(page);
    await expect.poll(() => fadedCount(page)).toBe(0);
    await node(page, 'ferretdb').hover();
    await expect(node(page, 'vllm')).toHaveCSS('opacity', FADED);
    await expect(node(page, 'ferretdb')).toHaveCSS('opacity', SHOWN);
    await expect(node(page, 'librechat')).toHaveCSS('opacity', SHOWN);
    await page.mouse.move(1, 1);
    await expect.poll(() => fadedCount(page)).toBe(0);
  });

  test('removing from the panel asks like the Components step and updates both', async ({
    page,
  }) => {
    await graphWithLibreChat(page);
    await node(page, 'ferretdb').click();
    await panel(page).getByRole('button', { name: 'Remove FerretDB' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove FerretDB?' });
    await expect(dialog).toContainText('LibreChat needs FerretDB');
    await dialog.getByRole('button', { name: /^Remove \d+ components$/ }).click();
    await expect(node(page, 'ferretdb')).toHaveCount(0);
    await expect(node(page, 'librechat')).toHaveCount(0);
    await expect(panel(page).getByRole('note', { name: 'Why it is installed' })).toHaveText(
      'Not installed',
    );
    await expect(panel(page).getByRole('button', { name: 'Add FerretDB' })).toBeFocused();
    await expect(page.getByRole('status')).toHaveText(/^Removed FerretDB; also removed/);
    await page.goto('/wizard/components');
    await expect(page.getByRole('checkbox', { name: 'Install LibreChat' })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Install FerretDB' })).not.toBeChecked();
  });

  test('exports an SVG that names every installed component', async ({ page }) => {
    await graphWithLibreChat(page);
    const names = await page.$$eval('[data-node-id] .font-semibold', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(names.length).toBeGreaterThan(20);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('catalyst-graph.svg');
    const svg = await readFile((await download.path()) ?? '', 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.localName,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        paths: doc.querySelectorAll('path').length,
      };
    }, svg);
    expect(parsed.error).toBe(0);
    expect(parsed.root).toBe('svg');
    for (const name of names) expect(parsed.texts).toContain(name);
    expect(parsed.paths).toBeGreaterThan(10);
  });

  test('is usable by keyboard: Tab in, arrows move, Enter opens the panel', async ({ page }) => {
    await graphWithLibreChat(page);
    await page.getByRole('searchbox', { name: 'Find a component' }).focus();
    await tabTo(page, page.locator('[data-node-id][tabindex="0"]'));
    const start = await focusedNode(page);
    expect(start).not.toBeNull();
    await page.keyboard.press('ArrowRight');
    const right = await focusedNode(page);
    expect(right).not.toBe(start);
    const x = (id: string | null) =>
      node(page, id ?? '').evaluate((el) => el.getBoundingClientRect().x);
    expect(await x(right)).toBeGreaterThan(await x(start));
    await page.keyboard.press('ArrowDown');
    const down = await focusedNode(page);
    expect(down).not.toBe(right);
    expect(Math.round(await x(down))).toBe(Math.round(await x(right)));
    // Focus highlights the focused node's chain as hovering does: the rest fades.
    await expect.poll(() => fadedCount(page)).toBeGreaterThan(0);
    await expect(node(page, down ?? '')).toHaveCSS('opacity', SHOWN);
    await page.keyboard.press('Enter');
    const name = await node(page, down ?? '')
      .locator('.font-semibold')
      .textContent();
    await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(name ?? '');
  });

  test('search centres a component and focuses it', async ({ page }) => {
    await graphWithLibreChat(page);
    await page.getByRole('searchbox', { name: 'Find a component' }).fill('vLLM');
    await page.keyboard.press('Enter');
    await expect(node(page, 'vllm')).toBeFocused();
    await page.getByRole('searchbox', { name: 'Find a component' }).fill('no-such-thing');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('No component matches');
  });

  test('appears on Review in the Dependency graph section', async ({ page }) => {
    await page.goto('/wizard/review');
    const section = page.getByRole('region', { name: 'Dependency graph' }).first();
    // The graph mounts when its section comes near the viewport.
    await section.scrollIntoViewIfNeeded();
    await expect(section.locator('[data-node-id="flux"]')).toBeVisible();
  });

  test('screenshots in light and dark', async ({ page }) => {
    test.skip(!shots, 'SCREENSHOTS=1 writes docs/screenshots/graph-*.png');
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await graphWithLibreChat(page);
      await node(page, 'ferretdb').click();
      await page.getByRole('button', { name: 'Fit View' }).click();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `docs/screenshots/graph-${scheme}.png` });
    }
  });
});
