// The GitOps download is the committed tree, not a fresh render: a renderer that differs from
// today's renderFluxTree shows through, and nothing is served before the commit exists.
import { gunzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderFluxTree } from '../../src/shared/lib/flux/render-flux-tree';
import { apiErrorSchema, deploymentCreatedSchema } from '../../src/shared/schemas/api';
import { validBody } from './fixtures';
import { bareDeployment, startServer, submit, type TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startServer({
    extras: {
      render: (m) => [...renderFluxTree(m), { path: 'COMMITTED-ONLY.md', content: 'marker\n' }],
    },
  });
});
afterAll(() => t.close());

it('serves the files of the commit, including what only the committing renderer wrote', async () => {
  const { id } = deploymentCreatedSchema.parse(
    await (await submit(t.url, validBody('eta'))).json(),
  );
  await t.server.pipeline.idle();
  const res = await fetch(`${t.url}/api/v1/deployments/${id}/gitops`);
  expect(res.status).toBe(200);
  const tar = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('latin1');
  expect(tar).toContain('eta/COMMITTED-ONLY.md');
  expect(tar).toContain('eta/infra/hetzner/sovereign.auto.tfvars.json');
  expect(tar).toContain('eta/infra/hetzner/main.tf');
});

it('answers 409 not_committed before the commit exists', async () => {
  const id = randomUUID();
  await t.server.repo.createDeployment(
    bareDeployment(id, 'uncommitted', 'failed before the commit'),
  );
  const res = await fetch(`${t.url}/api/v1/deployments/${id}/gitops`);
  expect(res.status).toBe(409);
  expect(apiErrorSchema.parse(await res.json()).error).toBe('not_committed');
});
