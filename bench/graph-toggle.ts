// Toggle benchmark in real Chromium: with the whole catalog shown on /graph, the time from a
// click on the side panel's Add/Remove button until both the graph node and the panel show
// the new state, and until the next frame is painted (performance.mark/measure in the page).
// Needs a build in dist/. Standalone: `npx tsx bench/graph-toggle.ts`.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { spawnServer, stopServer } from '../scripts/spawn-server';
import { median, percentile } from './stats';

/** The component toggled: optional, so it can be added and removed; adding brings 4 more. */
const TOGGLED = { id: 'librechat', name: 'LibreChat' };
const RUNS = 20;

/**
 * One timed toggle inside the page. `update`: from the click until the DOM of both the graph node
 * and the panel shows the new state (the work that must fit in one 16 ms frame for the next
 * frame to show it). `paint`: until the frame after that update has been painted, which also
 * includes waiting for the frame clock.
 */
function toggleInPage({ id, name }: { id: string; name: string }): Promise<[number, number]> {
  const node = document.querySelector(`[data-node-id="${id}"]`);
  const button = [...document.querySelectorAll('aside button')].find((b) =>
    /^(Add|Remove) /.test(b.textContent ?? ''),
  ) as HTMLButtonElement | undefined;
  if (!node || !button) throw new Error('graph node or panel button not found');
  const adding = button.textContent?.startsWith('Add') ?? false;
  const expected = adding ? `Remove ${name}` : `Add ${name}`;
  // The node's accessible name ends in "not installed" while it is not (what a user hears).
  const installed = () =>
    !(document.querySelector(`[data-node-id="${id}"]`)?.getAttribute('aria-label') ?? '').endsWith(
      'not installed',
    );
  const done = () =>
    installed() === adding &&
    [...document.querySelectorAll('aside button')].some((b) => b.textContent === expected);
  return new Promise((resolve) => {
    const painted = () =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.mark('toggle-painted');
          resolve([
            performance.measure('toggle-update', 'toggle-start', 'toggle-updated').duration,
            performance.measure('toggle-paint', 'toggle-start', 'toggle-painted').duration,
          ]);
        }, 0),
      );
    const updated = () => {
      performance.mark('toggle-updated');
      painted();
    };
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      updated();
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    performance.mark('toggle-start');
    button.click();
    if (done()) {
      observer.disconnect();
      updated();
    }
  });
}

/** Median and p95 ms of adding and removing a component with the full catalog shown. */
export async function benchGraphToggle(): Promise<Record<string, number>> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ not found: run "npx vite build" first');
  const server = await spawnServer({
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'catalyst-toggle-')),
    E2E_FRESH_DATA: '1',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx (esbuild keepNames) wraps named inner functions in __name(); give the page a no-op one.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(`${server.url}/graph`);
    await page.getByRole('switch', { name: 'Show whole catalog' }).check();
    await page.locator(`[data-node-id="${TOGGLED.id}"]`).click();
    await page.getByRole('button', { name: `Add ${TOGGLED.name}` }).waitFor();
    const runs = { add: [] as [number, number][], remove: [] as [number, number][] };
    for (let i = 0; i < 2 * RUNS + 2; i++) {
      const adding = i % 2 === 0;
      const ms = await page.evaluate(toggleInPage, TOGGLED);
      if (i >= 2) runs[adding ? 'add' : 'remove'].push(ms); // the first pair warms up
    }
    const nodes = await page.locator('[data-node-id]').count();
    const figures: Record<string, number> = { 'graph.toggle.nodes': nodes };
    for (const kind of ['add', 'remove'] as const) {
      const update = runs[kind].map(([u]) => u);
      const paint = runs[kind].map(([, p]) => p);
      figures[`graph.toggle.${kind}.update.median.ms`] = median(update);
      figures[`graph.toggle.${kind}.update.p95.ms`] = percentile(update, 95);
      figures[`graph.toggle.${kind}.paint.median.ms`] = median(paint);
    }
    return figures;
  } finally {
    await browser.close();
    await stopServer(server.child);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await benchGraphToggle();
  console.table(
    Object.entries(figures).map(([figure, value]) => ({
      figure,
      value: Math.round(value * 100) / 100,
    })),
  );
}
