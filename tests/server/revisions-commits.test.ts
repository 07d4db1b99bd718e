// Issue #12, a Sovereign has revisions, as commits: one commit per revision on top of the
// previous, one winner of concurrent revisions, failed revisions are no base (the checks on a
// revision request: revisions-checks.test.ts; kill -9 during a commit: revisions-crash.test.ts).
import { describe, expect, it, vi } from 'vitest';
import { apiErrorSchema, deploymentSchema } from '../../src/shared/schemas/api';
import {
  revisionCreatedSchema,
  sovereignListSchema,
  STALE_BASE_CODE,
} from '../../src/shared/schemas/sovereigns';
import * as git from '../../server/git';
import { addLibreChat, changedManifest } from './fixtures';
import { gitOut, revise } from './harness';
import { created, oneMoreWorker, sovereign, t, useRevisionServer } from './revisions-harness';

/** Failures the next commits throw before the real commitTree runs. */
const commits = vi.hoisted(() => ({ failures: [] as unknown[] }));
vi.mock('../../server/git', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/git')>();
  return {
    ...real,
    commitTree: async (...args: Parameters<typeof real.commitTree>) => {
      const failure = commits.failures.shift();
      if (failure !== undefined) throw failure;
      return real.commitTree(...args);
    },
  };
});

describe('revisions (in-process server)', () => {
  useRevisionServer();

  it('creates revision 2 as one commit on top of revision 1, with the summary and trailers', async () => {
    const { name, id } = await created('rev');
    const res = await revise(t.url, name, changedManifest(name, addLibreChat), 'baseRevision=1');
    expect(res.status).toBe(201);
    const body = revisionCreatedSchema.parse(await res.json());
    expect(body.revision).toBe(2);
    expect(res.headers.get('location')).toBe(`/api/v1/deployments/${body.id}`);
    await t.server.pipeline.idle();

    const s = await sovereign(t.url, name);
    expect(s.revisions.map((r) => [r.revision, r.baseRevision, r.status])).toEqual([
      [1, null, 'ready-to-apply'],
      [2, 1, 'ready-to-apply'],
    ]);
    const [r1, r2] = s.revisions;
    expect(r1?.deploymentId).toBe(id);
    expect(r1?.summary).toBe('Created');
    expect(r2?.summary).toMatch(/component/i);
    expect(r2?.summary).not.toContain('\n');

    const list = sovereignListSchema.parse(
      await (await fetch(`${t.url}/api/v1/sovereigns`)).json(),
    );
    expect(list.sovereigns[0]).toMatchObject({ name, latestRevision: 2 });
    const dep = deploymentSchema.parse(
      await (await fetch(`${t.url}/api/v1/deployments/${body.id}`)).json(),
    );
    expect(dep.revision).toBe(2);

    // The repository: two commits, the second's parent the first, message and trailers.
    const bare = git.repoPath(t.dataDir, name);
    expect(gitOut(bare, 'rev-parse', 'main')).toBe(r2?.commitSha);
    expect(gitOut(bare, 'rev-parse', 'main^')).toBe(r1?.commitSha);
    expect(gitOut(bare, 'rev-list', '--count', 'main')).toBe('2');
    const message = gitOut(bare, 'log', '-1', '--format=%B', 'main');
    const lines = message.split('\n');
    expect(lines[0]).toBe(`${name} revision 2: ${r2?.summary}`);
    expect(lines[1]).toBe('');
    expect(message).toMatch(/LibreChat/);
    expect(message).toContain(`Catalyst-Revision: 2\nCatalyst-Deployment: ${body.id}`);
    expect(
      gitOut(bare, 'log', '-1', '--format=%(trailers:key=Catalyst-Revision,valueonly)', 'main'),
    ).toBe('2');
    const first = gitOut(bare, 'log', '-1', '--format=%B', 'main^');
    expect(first).toBe(
      `Sovereign ${name}: deployment ${id}\n\nCatalyst-Revision: 1\nCatalyst-Deployment: ${id}`,
    );
    // The change only: LibreChat's HelmRelease is new in commit 2.
    const changed = gitOut(bare, 'diff', '--name-status', 'main^', 'main');
    expect(changed).toMatch(/^A\s+\S*librechat\S*helm-release\.yaml$/m);

    // Each revision's manifest, without secrets.
    const m1 = await fetch(`${t.url}/api/v1/sovereigns/${name}/revisions/1/manifest`);
    const m2 = await fetch(`${t.url}/api/v1/sovereigns/${name}/revisions/2/manifest?format=json`);
    expect(m1.status).toBe(200);
    const yaml = await m1.text();
    expect(yaml).not.toContain('librechat');
    expect(yaml).not.toMatch(/secrets:/);
    const json = (await m2.json()) as { spec: { components: { id: string }[] }; secrets?: unknown };
    expect(json.spec.components.map((c) => c.id)).toContain('librechat');
    expect(json.secrets).toBeUndefined();
    expect((await fetch(`${t.url}/api/v1/sovereigns/${name}/revisions/3/manifest`)).status).toBe(
      404,
    );
  });

  it('lets exactly one of 5 concurrent revisions on base 1 win; the others get 409 stale_base', async () => {
    const { name } = await created('conc');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        revise(
          t.url,
          name,
          changedManifest(name, (d) => {
            const r = d.infrastructure.regions[0];
            if (r) r.workers.count += 1 + (i % 2);
          }),
          'baseRevision=1',
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(4);
    for (const r of results.filter((x) => x.status === 409)) {
      const err = apiErrorSchema.parse(await r.json());
      expect(err.error).toBe(STALE_BASE_CODE);
      expect(err.latestRevision).toBe(2);
      expect(err.message).toBe(
        'Revision 2 is newer than base 1: load revision 2 and apply your change again',
      );
    }
    await t.server.pipeline.idle();
    expect((await sovereign(t.url, name)).revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(gitOut(git.repoPath(t.dataDir, name), 'rev-list', '--count', 'main')).toBe('2');
  });

  it('leaves the previous commit as the head when a revision fails; it is no base', async () => {
    const { name } = await created('fail');
    const bare = git.repoPath(t.dataDir, name);
    const ok = await revise(t.url, name, changedManifest(name, oneMoreWorker), 'baseRevision=1');
    expect(ok.status).toBe(201);
    await t.server.pipeline.idle();
    const head2 = gitOut(bare, 'rev-parse', 'main');

    commits.failures.push(new Error('the disk is on fire'));
    const doomed = await revise(t.url, name, changedManifest(name, addLibreChat), 'baseRevision=2');
    expect(doomed.status).toBe(201);
    const { id: failedId } = revisionCreatedSchema.parse(await doomed.json());
    await t.server.pipeline.idle();
    let s = await sovereign(t.url, name);
    expect(s.revisions[2]).toMatchObject({ revision: 3, status: 'failed', commitSha: null });
    expect(gitOut(bare, 'rev-parse', 'main')).toBe(head2);

    // The failed revision is no base: 409 naming the latest revision that did not fail.
    const onFailed = await revise(
      t.url,
      name,
      changedManifest(name, addLibreChat),
      'baseRevision=3',
    );
    expect(onFailed.status).toBe(409);
    const err = apiErrorSchema.parse(await onFailed.json());
    expect(err).toMatchObject({ error: 'stale_base', latestRevision: 2 });
    expect(err.message).toMatch(/Revision 3 failed/);

    const again = await revise(t.url, name, changedManifest(name, addLibreChat), 'baseRevision=2');
    expect(again.status).toBe(201);
    expect(revisionCreatedSchema.parse(await again.json()).revision).toBe(4);
    await t.server.pipeline.idle();
    s = await sovereign(t.url, name);
    expect(s.revisions.map((r) => [r.revision, r.baseRevision, r.status])).toEqual([
      [1, null, 'ready-to-apply'],
      [2, 1, 'ready-to-apply'],
      [3, 2, 'failed'],
      [4, 2, 'ready-to-apply'],
    ]);
    expect(gitOut(bare, 'rev-parse', 'main^')).toBe(head2);
    expect(gitOut(bare, 'rev-parse', 'main')).toBe(s.revisions[3]?.commitSha);
    // Retrying the failed revision now would commit its tree over revision 4's.
    const retry = await fetch(`${t.url}/api/v1/deployments/${failedId}/retry`, { method: 'POST' });
    expect(retry.status).toBe(409);
  });
});
