// Resuming a deployment after a restart repeats no step whose events are already recorded, so SSE
// clients see each component once; a replica resumes only work without a live lease.
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

it('resumes only work no live replica holds a lease on, and takes over an expired lease', async () => {
  const res = await submit(t.url, validBody('leased'));
  const { id } = deploymentCreatedSchema.parse(await res.json());
  await t.server.pipeline.idle();
  const repo = t.server.repo;
  // The run released its lease when it ended.
  expect(await repo.getLease(id)).toEqual({ owner: null, until: null });
  // A peer replica is in the middle of it: status unfinished, its lease live.
  await repo.appendEvents(id, [], { status: 'committing', statusMessage: 'Committing' });
  expect(await repo.claim(id, 'peer', 60_000)).toBe(true);
  expect(await t.server.pipeline.resumeUnfinished()).toBe(0);
  await t.server.pipeline.idle();
  expect((await repo.getDeployment(id))?.status).toBe('committing');
  expect((await repo.getLease(id))?.owner).toBe('peer');

  // The peer dies: its lease (shortened here) expires and this replica takes the work over.
  expect(await repo.claim(id, 'peer', 200)).toBe(true);
  await new Promise((r) => setTimeout(r, 400));
  expect(await t.server.pipeline.resumeUnfinished()).toBe(1);
  await t.server.pipeline.idle();
  expect((await repo.getDeployment(id))?.status).toBe('ready-to-apply');
  expect(await repo.getLease(id)).toEqual({ owner: null, until: null });
  const events = await repo.listEvents(id, 0, 10_000);
  expect(events.filter((e) => e.phase === 'resume')).toHaveLength(1);
  expect(events.filter((e) => e.phase === 'commit')).toHaveLength(1);
  // The dead peer's late writes are refused: the status is final, the lease is not its own.
  await expect(
    repo.appendEvents(id, [], { status: 'failed', expect: { leaseOwner: 'peer' } }),
  ).rejects.toThrow(/changed under us/);
  expect((await repo.getDeployment(id))?.status).toBe('ready-to-apply');
});
