// Resuming a deployment after a restart repeats no step whose events are already recorded, so SSE
// clients see each component once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deploymentCreatedSchema } from '../../src/shared/schemas/api';
import { validBody, validManifest } from './fixtures';
import { startServer, submit, type TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

it('lists each component once when a deployment interrupted after its component events is resumed', async () => {
  const res = await submit(t.url, validBody('resumed'));
  const { id } = deploymentCreatedSchema.parse(await res.json());
  await t.server.pipeline.idle();
  // The state a crash after the component events leaves behind: events recorded, status unfinished.
  await t.server.repo.appendEvents(id, [], {
    status: 'committing',
    statusMessage: 'Committing to the GitOps repository',
  });
  expect(await t.server.pipeline.resumeUnfinished()).toBe(1);
  await t.server.pipeline.idle();

  const events = await t.server.repo.listEvents(id, 0, 10_000);
  expect(events.filter((e) => e.phase === 'resume')).toHaveLength(1);
  const components = events.filter((e) => e.phase === 'components').map((e) => e.component);
  const order = validManifest('resumed').spec.installOrder;
  expect(order.length).toBeGreaterThan(0);
  expect(components).toEqual(order);
  for (const phase of ['render', 'tofu-inputs', 'commit', 'ready'] as const)
    expect(events.filter((e) => e.phase === phase)).toHaveLength(1);
  const row = await t.server.repo.getDeployment(id);
  expect(row?.status).toBe('ready-to-apply');
});
