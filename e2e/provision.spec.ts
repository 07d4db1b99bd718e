// Provisioning against the real API: from a finished wizard (draft seeded in localStorage,
// secrets typed in the UI) to a deployment that is ready to apply, its downloads, and recovery
// from a submit that never reached the server.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { DRAFT_VERSION, createDefaultDraft } from '../src/shared/lib/draft-defaults';

const DRAFT_KEY = 'catalyst-bootstrap-draft';
const TOKEN = 'A1b2C3d4'.repeat(8);
const COLD_KEY_ID = 'AKIAEXAMPLEKEY123456';
const COLD_SECRET = 'cold-secret-access-key-e2e-0001';
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJpYtvyzoe97z8JKXOWRq7AQ3MM7jYHWgou6hwWqffZ/ ops@acme';
const shots = process.env.SCREENSHOTS === '1';

/** A complete draft (everything but the secrets, which the user types). */
function seededState(name: string) {
  const draft = createDefaultDraft();
  draft.infrastructure.sovereignName = name;
  draft.infrastructure.organization = { name: 'Acme Ltd', email: 'ops@acme.example' };
  draft.infrastructure.sshPublicKey = SSH_KEY;
  for (const r of draft.infrastructure.regions) r.workers = { size: 'cpx42', count: 3 };
  draft.storage.cold.accountId = '0123456789abcdef0123456789abcdef';
  draft.dns.subdomain = name;
  return {
    state: {
      draft,
      visited: ['infrastructure', 'storage', 'dns', 'components', 'review'],
      idempotencyKey: null,
    },
    version: DRAFT_VERSION,
  };
}

async function persisted(page: Page): Promise<{ state: { idempotencyKey: string | null } }> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
  expect(raw).not.toBeNull();
  return JSON.parse(raw ?? '{}') as { state: { idempotencyKey: string | null } };
}

/** Seeds the draft, types the secrets on their steps and arrives on Review, ready to provision. */
async function reachReview(page: Page, name: string): Promise<void> {
  // A page of the same origin that does not run the app, so nothing overwrites the seed.
  await page.goto('/healthz');
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key as string, value as string),
    [DRAFT_KEY, JSON.stringify(seededState(name))],
  );
  await page.goto('/wizard/infrastructure');
  await page.getByLabel('Hetzner Cloud API token').fill(TOKEN);
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Storage tier' })).toBeVisible();
  await page.getByLabel('Cold-tier access key id').fill(COLD_KEY_ID);
  await page.getByLabel('Cold-tier secret access key').fill(COLD_SECRET);
  for (const heading of ['DNS', 'Components', 'Review']) {
    await page.getByRole('button', { name: /^Next/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Ready' })).toBeVisible();
}

async function download(page: Page, link: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: await readFile(path) };
}

test('provision a Sovereign, watch it reach ready-to-apply, download its manifest and tree', async ({
  page,
}) => {
  const name = 'e2e-provision';
  await reachReview(page, name);
  const provision = page.getByRole('region', { name: 'Provision' });
  await provision.getByRole('button', { name: 'Provision' }).click();

  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
  const pipeline = page.getByRole('region', { name: 'Pipeline' });
  for (const step of [
    'Validate the manifest',
    'Render the Flux tree',
    'Commit to the GitOps repository',
    'Hand over to the executor',
  ]) {
    await expect(pipeline.getByRole('listitem', { name: `${step}: done` })).toBeVisible();
  }
  await expect(page.getByText('ready-to-apply', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText(
    'The plan is ready to apply',
  );
  await expect(page.getByRole('region', { name: 'Status' })).toContainText(
    /GitOps commit [0-9a-f]{12}/,
  );
  await expect(page.getByRole('status').filter({ hasText: 'Finished' })).toBeVisible();
  const log = page.getByRole('table');
  await expect(log.getByText(/^Manifest valid:/)).toBeVisible();
  await expect(log.getByText(/^Committed [0-9a-f]{12}/)).toBeVisible();
  const components = page.getByRole('region', { name: /Components/ });
  await expect(components.getByRole('listitem').first()).toContainText('pending');

  // The submit succeeded: the key is cleared, and no secret reached localStorage.
  expect((await persisted(page)).state.idempotencyKey).toBeNull();
  const storage = await page.evaluate(() => JSON.stringify(localStorage));
  expect(storage).not.toContain(TOKEN);
  expect(storage).not.toContain(COLD_SECRET);

  if (shots) await page.screenshot({ path: 'docs/screenshots/deployment.png', fullPage: true });

  const yaml = await download(page, 'Manifest (YAML)');
  expect(yaml.name).toBe(`${name}.sovereign.yaml`);
  expect(yaml.body.toString()).toContain('kind: Sovereign');
  expect(yaml.body.toString()).toContain(`name: ${name}`);
  expect(yaml.body.toString()).not.toContain(TOKEN);

  const json = await download(page, 'Manifest (JSON)');
  expect(json.name).toBe(`${name}.sovereign.json`);
  const manifest = JSON.parse(json.body.toString()) as { metadata: { name: string } };
  expect(manifest.metadata.name).toBe(name);
  expect(json.body.toString()).not.toContain(COLD_SECRET);

  const tree = await download(page, 'GitOps tree (.tar.gz)');
  expect(tree.name).toBe(`${name}-gitops.tar.gz`);
  const tar = gunzipSync(tree.body).toString('latin1');
  expect(tar).toContain(`${name}/`);
  expect(tar).toContain('kind: HelmRelease');
  expect(tar).not.toContain(TOKEN);

  // The deployment is listed and links back to its page.
  await page.getByRole('link', { name: 'Deployments' }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
});

test('a submit while the server is unreachable keeps the draft; Retry reuses the key and creates one deployment', async ({
  page,
}) => {
  const name = 'e2e-outage';
  await reachReview(page, name);
  const keys: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/v1/deployments') {
      keys.push(req.headers()['idempotency-key'] ?? '');
    }
  });
  // The outage is simulated at the network layer: the browser's connection is refused, exactly
  // as when the API process is down, without stopping the shared test server.
  await page.route('**/api/v1/deployments', (route) => route.abort('connectionrefused'));

  const provision = page.getByRole('region', { name: 'Provision' });
  await provision.getByRole('button', { name: 'Provision' }).click();
  const alert = provision.getByRole('alert');
  await expect(alert).toContainText('Provisioning did not go through');
  await expect(alert).toContainText('cannot be reached');
  await expect(page).toHaveURL(/\/wizard\/review$/);
  const kept = await persisted(page);
  expect(JSON.stringify(kept)).toContain(name);
  const key = kept.state.idempotencyKey;
  expect(key).toMatch(/^[0-9a-f-]{36}$/);

  await page.unroute('**/api/v1/deployments');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/);
  await expect(page.getByText('ready-to-apply', { exact: true })).toBeVisible();

  expect(keys).toEqual([key, key]);
  const list = await page.request.get('/api/v1/deployments?limit=100');
  const body = (await list.json()) as { items: { name: string }[] };
  expect(body.items.filter((d) => d.name === name)).toHaveLength(1);
});
