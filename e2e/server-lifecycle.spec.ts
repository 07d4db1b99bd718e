// Journeys that need a server of their own: the API process dies (SIGKILL) before a submit and
// comes back, and a server that requires CATALYST_API_TOKEN.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { persisted, reachReview } from './fixtures';
import { spawnServer, stopServer } from '../scripts/spawn-server';

let dataDir = '';
let server: ChildProcess | null = null;
const startServer = (dataDir: string, env: Record<string, string> = {}) =>
  spawnServer({ DATA_DIR: dataDir, ...env });
test.beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'catalyst-e2e-'));
});
test.afterEach(async () => {
  if (server) await stopServer(server);
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

test('the API dies before a submit: the draft is kept, and Retry after a restart creates one deployment', async ({
  page,
}) => {
  const first = await startServer(dataDir);
  const base = first.url;
  const name = 'e2e-restart';
  server = first.child;
  await reachReview(page, name, base);
  const keys: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/v1/deployments') {
      keys.push(req.headers()['idempotency-key'] ?? '');
    }
  });

  await stopServer(server, 'SIGKILL');
  // A part whose code loads on demand says it could not load, and the page stays usable.
  const graph = page.getByRole('region', { name: 'Dependency graph' }).first();
  await graph.scrollIntoViewIfNeeded();
  await expect(graph.getByRole('alert')).toContainText('Could not load the dependency graph');

  const provision = page.getByRole('region', { name: 'Provision' });
  await provision.getByRole('button', { name: 'Provision' }).click();
  const alert = provision.getByRole('alert');
  await expect(alert).toContainText('Provisioning did not go through');
  await expect(page).toHaveURL(/\/wizard\/review$/);
  const kept = await persisted(page);
  expect(JSON.stringify(kept)).toContain(name);
  const key = kept.state.idempotencyKey;
  expect(key).toMatch(/^[0-9a-f-]{36}$/);

  // Back on the same port, so the page that is still open reaches it.
  server = (await startServer(dataDir, { PORT: String(first.port) })).child;
  await graph.getByRole('button', { name: 'Retry' }).click();
  await expect(graph.locator('[data-node-id="flux"]')).toBeVisible();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/);
  await expect(page.getByText('ready-to-apply', { exact: true })).toBeVisible();
  expect(keys).toEqual([key, key]);
  const list = await page.request.get(`${base}/api/v1/deployments?limit=100`);
  const body = (await list.json()) as { items: { name: string }[] };
  expect(body.items.filter((d) => d.name === name)).toHaveLength(1);
});

test('a server with CATALYST_API_TOKEN: the UI asks for it once, and submit and live progress use it', async ({
  page,
}) => {
  const apiToken = 'e2e-api-token-0123456789abcdef';
  const started = await startServer(dataDir, { CATALYST_API_TOKEN: apiToken });
  const base = started.url;
  server = started.child;
  expect((await fetch(`${base}/api/v1/deployments`)).status).toBe(401);

  await reachReview(page, 'e2e-token', base);
  const provision = page.getByRole('region', { name: 'Provision' });
  await provision.getByRole('button', { name: 'Provision' }).click();
  const dialog = page.getByRole('dialog', { name: 'API token required' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('API token').fill(apiToken);
  await dialog.getByRole('button', { name: 'Save and retry' }).click();

  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/);
  // The live stream carries the token too: the steps and the final status arrive over it.
  await expect(page.getByText('ready-to-apply', { exact: true })).toBeVisible();
  await expect(page.getByText('Finished')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const stored = await page.evaluate(() => ({
    session: sessionStorage.getItem('catalyst-bootstrap-api-token'),
    local: JSON.stringify(localStorage),
  }));
  expect(stored.session).toBe(apiToken);
  expect(stored.local).not.toContain(apiToken);
});
