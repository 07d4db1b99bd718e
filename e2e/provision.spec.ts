// Provisioning against the real API: from a finished wizard (draft seeded in localStorage,
// secrets typed in the UI) to a deployment that is ready to apply, and its downloads.
// Outage and token journeys, with servers of their own: server-lifecycle.spec.ts.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { COLD_SECRET, TOKEN, persisted, reachReview } from './fixtures';

const shots = process.env.SCREENSHOTS === '1';

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
  await expect(components.getByRole('listitem').first()).toContainText(
    'not installed yet (plan only)',
  );

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
