// Stored deployments stay readable and resumable after the catalog or a rule changes: a row is
// admitted once, then read back by its shape alone.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deploymentSchema } from '../../src/shared/schemas/api';
import { validateManifest } from '../../src/shared/lib/manifest/validate';
import { validManifest } from './fixtures';
import { startServer, type TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

/** A manifest stored under yesterday's rules: a component the catalog no longer has, a stale order. */
function staleManifestJson(name: string): string {
  const { secrets: _omit, ...m } = validManifest(name);
  m.spec.components.push({ id: 'retired-component', version: null, reason: 'chosen' });
  m.spec.installOrder = [...m.spec.installOrder, 'retired-component'].reverse();
  expect(validateManifest(m).ok).toBe(false);
  return JSON.stringify(m);
}

it('downloads and resumes a stored manifest that no longer passes the semantic checks', async () => {
  const id = randomUUID();
  const manifestJson = staleManifestJson('stale');
  await t.server.repo.createDeployment({
    id,
    name: 'stale',
    status: 'pending',
    statusMessage: 'accepted',
    manifestJson,
    requestHash: 'stale',
    idempotencyKey: null,
    componentCount: 1,
    secrets: new Map(),
    events: [{ time: new Date().toISOString(), phase: 'validate', level: 'info', message: 'ok' }],
    now: new Date().toISOString(),
  });
  t.server.pipeline.enqueue(id);
  await t.server.pipeline.idle();

  const status = deploymentSchema.parse(
    await (await fetch(`${t.url}/api/v1/deployments/${id}`)).json(),
  );
  expect(status.status).not.toBe('failed');
  const manifest = await fetch(`${t.url}/api/v1/deployments/${id}/manifest?format=json`);
  expect(manifest.status).toBe(200);
  expect(await manifest.text()).toContain('retired-component');
  const yaml = await fetch(`${t.url}/api/v1/deployments/${id}/manifest`);
  expect(yaml.status).toBe(200);
  expect(await yaml.text()).toContain('retired-component');
  const gitops = await fetch(`${t.url}/api/v1/deployments/${id}/gitops`);
  expect(gitops.status).toBe(200);
  expect((await gitops.arrayBuffer()).byteLength).toBeGreaterThan(0);
});
