// Issue #12, a Sovereign has revisions, and what a revision request is checked for: 409
// sovereign_exists, the name, the base, immutable fields, replays by Idempotency-Key, the secrets
// kept or required (the commits: revisions-commits.test.ts; migration of old rows:
// revisions-migration.test.ts).
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/shared/schemas/api';
import { revisionCreatedSchema } from '../../src/shared/schemas/sovereigns';
import { openSecret } from '../../server/crypto';
import { immutableProblems } from '../../server/sovereigns-service';
import { addLibreChat, changedManifest, uniqueName, validBody, validManifest } from './fixtures';
import { revise, startServer, submit } from './harness';
import { created, oneMoreWorker, sovereign, t, useRevisionServer } from './revisions-harness';

describe('revisions (in-process server)', () => {
  useRevisionServer();

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
