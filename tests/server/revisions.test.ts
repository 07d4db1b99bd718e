// Issue #12, a Sovereign has revisions: 409 sovereign_exists, one commit per revision on top of the
// previous, one winner of concurrent revisions, failed revisions are no base, migration of old
// rows (kill -9 during a commit: revisions-crash.test.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiErrorSchema, deploymentSchema } from '../../src/shared/schemas/api';
import {
  revisionCreatedSchema,
  sovereignListSchema,
  sovereignSchema,
  STALE_BASE_CODE,
  type Sovereign,
} from '../../src/shared/schemas/sovereigns';
import { openSecret } from '../../server/crypto';
import { immutableProblems } from '../../server/sovereigns-service';
import * as git from '../../server/git';
import { addLibreChat, changedManifest, uniqueName, validBody, validManifest } from './fixtures';
import { gitOut, revise, startServer, submit, type TestServer } from './harness';

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

type Draft = Parameters<Parameters<typeof changedManifest>[1]>[0];
/** Adds LibreChat (and so its dependencies) and one worker to region 1. */
const oneMoreWorker = (d: Draft) => {
  const r = d.infrastructure.regions[0];
  if (r) r.workers.count += 1;
};

async function sovereign(url: string, name: string): Promise<Sovereign> {
  const res = await fetch(`${url}/api/v1/sovereigns/${name}`);
  expect(res.status).toBe(200);
  return sovereignSchema.parse(await res.json());
}

describe('revisions (in-process server)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer({ env: { RETRY_ATTEMPTS: '1' } });
  });
  afterAll(async () => {
    await t.close();
  });

  /** A Sovereign with revision 1 committed; returns its name and deployment id. */
  async function created(prefix: string, headers: Record<string, string> = {}) {
    const name = uniqueName(prefix);
    const res = await submit(t.url, validBody(name), headers);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await t.server.pipeline.idle();
    return { name, id };
  }

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

  it('answers a second POST /deployments of a name 409 sovereign_exists, a replay 200', async () => {
    const name = uniqueName('exists');
    const key = { 'idempotency-key': `k-${name}` };
    const first = await submit(t.url, validBody(name), key);
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const again = await submit(t.url, validBody(name));
    expect(again.status).toBe(409);
    const err = apiErrorSchema.parse(await again.json());
    expect(err).toMatchObject({
      error: 'sovereign_exists',
      message: `A Sovereign named "${name}" exists; change it with POST /api/v1/sovereigns/${name}/revisions`,
      existing: { id, name },
      revisionsUrl: `/api/v1/sovereigns/${name}/revisions`,
    });
    const replay = await submit(t.url, validBody(name), key);
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { id: string }).id).toBe(id);
    // Concurrent first submits of one new name: exactly one deployment.
    const other = uniqueName('race');
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => submit(t.url, validBody(other))),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    await t.server.pipeline.idle();
    expect((await sovereign(t.url, other)).revisions).toHaveLength(1);
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

  it('checks the name, the base, immutable fields and replays by Idempotency-Key', async () => {
    const { name } = await created('checks');
    const next = changedManifest(name, oneMoreWorker);
    const problems = async (res: Response) => apiErrorSchema.parse(await res.json());

    const wrong = await revise(t.url, name, validManifest(uniqueName('other')), 'baseRevision=1');
    expect(wrong.status).toBe(400);
    expect((await problems(wrong)).problems?.[0]?.path).toBe('metadata.name');

    const unknown = uniqueName('nobody');
    expect((await revise(t.url, unknown, validManifest(unknown), 'baseRevision=1')).status).toBe(
      404,
    );
    for (const q of ['', 'baseRevision=', 'baseRevision=x', 'baseRevision=1.5', 'baseRevision=0']) {
      const res = await revise(t.url, name, next, q);
      expect(res.status, q).toBe(400);
      expect((await problems(res)).message, q).toContain('baseRevision');
    }
    const missing = await revise(t.url, name, next, 'baseRevision=7');
    expect(missing.status).toBe(400);
    expect((await problems(missing)).message).toContain('baseRevision');

    const moved = changedManifest(name, (d) => {
      const r = d.infrastructure.regions[0];
      if (r) r.cloudRegion = 'hel1'; // region-1 runs in fsn1
    });
    const immutable = await revise(t.url, name, moved, 'baseRevision=1');
    expect(immutable.status).toBe(400);
    const body = await problems(immutable);
    expect(body.error).toBe('immutable_field');
    expect(body.problems?.[0]).toMatchObject({
      path: 'spec.infrastructure.regions[0].cloudRegion',
    });
    expect(body.problems?.[0]?.message).toMatch(/cannot change after creation/);

    // While a revision still runs, no next one is accepted (revisions commit one after the other).
    const { id: first } = await created('busy');
    const busyName = (await t.server.repo.getDeployment(first))?.name ?? '';
    await t.server.repo.appendEvents(first, [], { status: 'committing' });
    const busy = await revise(
      t.url,
      busyName,
      changedManifest(busyName, oneMoreWorker),
      'baseRevision=1',
    );
    expect(busy.status).toBe(409);
    expect(await problems(busy)).toMatchObject({
      error: 'revision_in_progress',
      latestRevision: 1,
    });
    await t.server.repo.appendEvents(first, [], { status: 'ready-to-apply' });

    const key = { 'idempotency-key': `rev-${name}` };
    const ok = await revise(t.url, name, next, 'baseRevision=1', key);
    expect(ok.status).toBe(201);
    const { id } = revisionCreatedSchema.parse(await ok.json());
    const replay = await revise(t.url, name, next, 'baseRevision=1', key);
    expect(replay.status).toBe(200);
    expect(revisionCreatedSchema.parse(await replay.json())).toMatchObject({ id, revision: 2 });
    const conflict = await revise(
      t.url,
      name,
      changedManifest(name, addLibreChat),
      'baseRevision=1',
      key,
    );
    expect(conflict.status).toBe(409);
    expect((await problems(conflict)).error).toBe('idempotency_conflict');
    await t.server.pipeline.idle();
    const stale = await revise(t.url, name, next, 'baseRevision=1');
    expect(stale.status).toBe(409);
    expect(await problems(stale)).toMatchObject({ error: 'stale_base', latestRevision: 2 });
  });

  it('re-seals the base secrets with keepSecrets=true', async () => {
    const { name, id } = await created('keep');
    const bare = changedManifest(name, oneMoreWorker, null);
    const res = await revise(t.url, name, bare, 'baseRevision=1&keepSecrets=true');
    expect(res.status).toBe(201);
    const { id: id2 } = revisionCreatedSchema.parse(await res.json());
    await t.server.pipeline.idle();
    const key = t.server.pipeline['deps'].secretKey as Buffer;
    const before = await t.server.repo.getSecrets(id);
    const after = await t.server.repo.getSecrets(id2);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [secret, sealed] of after) {
      const old = before.get(secret);
      if (!old) throw new Error(`no ${secret}`);
      expect(openSecret(key, id2, secret, sealed)).toBe(openSecret(key, id, secret, old));
      // Sealed for the new deployment: the old id does not open it.
      expect(() => openSecret(key, id, secret, sealed)).toThrow();
    }
    // Without keepSecrets: nothing is kept.
    const plain = await revise(
      t.url,
      name,
      changedManifest(name, addLibreChat, null),
      'baseRevision=2',
    );
    expect(plain.status).toBe(201);
    const { id: id3 } = revisionCreatedSchema.parse(await plain.json());
    expect((await t.server.repo.getSecrets(id3)).size).toBe(0);
    await t.server.pipeline.idle();
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

it('with REQUIRE_SECRETS=1 refuses a revision without its secrets unless keepSecrets=true', async () => {
  const t = await startServer({ env: { REQUIRE_SECRETS: '1' } });
  try {
    const name = uniqueName('req');
    expect((await submit(t.url, validBody(name))).status).toBe(201);
    await t.server.pipeline.idle();
    const bare = changedManifest(name, oneMoreWorker, null);
    const refused = await revise(t.url, name, bare, 'baseRevision=1');
    expect(refused.status).toBe(400);
    const err = apiErrorSchema.parse(await refused.json());
    expect(err.problems?.every((p) => p.path.startsWith('secrets.'))).toBe(true);
    expect(err.problems?.length).toBeGreaterThan(0);
    const kept = await revise(t.url, name, bare, 'baseRevision=1&keepSecrets=true');
    expect(kept.status).toBe(201);
    const bad = await revise(t.url, name, bare, 'baseRevision=2&keepSecrets=yes');
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(await bad.json()).message).toContain('keepSecrets');
    await t.server.pipeline.idle();
  } finally {
    await t.close();
  }
});

it('names the provider as a field that cannot change after creation', () => {
  const base = validManifest('acme');
  const next = structuredClone(base);
  next.spec.infrastructure.provider = 'aws';
  expect(immutableProblems(base, next)).toEqual([
    {
      path: 'spec.infrastructure.provider',
      message:
        'cannot change after creation: this Sovereign runs on hetzner; another provider is another Sovereign',
    },
  ]);
  expect(immutableProblems(base, structuredClone(base))).toEqual([]);
});
