// Journeys that need a server of their own: the API process dies (SIGKILL) before a submit and
// comes back, and a server that requires CATALYST_API_TOKEN.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { persisted, reachReview } from './fixtures';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts the real server (the built app in dist/) and resolves once /healthz answers. */
async function startServer(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

let dataDir = '';
let server: ChildProcess | null = null;
test.beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'catalyst-e2e-'));
});
test.afterEach(async () => {
  if (server) await stop(server, 'SIGTERM');
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

test('the API dies before a submit: the draft is kept, and Retry after a restart creates one deployment', async ({
  page,
}) => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const name = 'e2e-restart';
  server = await startServer(port, dataDir);
  await reachReview(page, name, base);
  const keys: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/v1/deployments') {
      keys.push(req.headers()['idempotency-key'] ?? '');
    }
  });

  await stop(server, 'SIGKILL');
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

  server = await startServer(port, dataDir);
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
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const apiToken = 'e2e-api-token-0123456789abcdef';
  server = await startServer(port, dataDir, { CATALYST_API_TOKEN: apiToken });
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
