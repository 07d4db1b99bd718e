// The repository contract and idempotency under concurrent retries, on SQLite always and on
// PostgreSQL when DATABASE_URL is set (`npm test` starts one); leases, guarded status changes and
// the per-Sovereign lock with two connections on one database.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { deploymentCreatedSchema, FINAL_STATUSES } from '../../src/shared/schemas/api';
import { MIGRATIONS } from '../../server/db/migrations';
import { openPostgres } from '../../server/db/postgres';
import { GuardError, type NewDeployment, type Repository } from '../../server/db/repository';
import { openSqlite } from '../../server/db/sqlite';
import { validBody } from './fixtures';
import { DATABASES, freshPgUrl, startServer, submit, tempDir } from './harness';

async function openRepo(db: 'sqlite' | 'postgres'): Promise<Repository> {
  return db === 'sqlite'
    ? openSqlite(path.join(tempDir(), 'test.sqlite'))
    : openPostgres(await freshPgUrl());
}

/** Two connections (two replicas' repositories) on one fresh database. */
async function openPair(db: 'sqlite' | 'postgres'): Promise<[Repository, Repository]> {
  if (db === 'sqlite') {
    const file = path.join(tempDir(), 'pair.sqlite');
    return [await openSqlite(file), await openSqlite(file)];
  }
  const url = await freshPgUrl();
  return [await openPostgres(url), await openPostgres(url)];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// One Sovereign per name (unique name and revision): each row a name of its own.
const base = (id: string, key: string | null = null): NewDeployment => ({
  id,
  name: `repo-test-${id.slice(-6)}`,
  status: 'pending',
  statusMessage: 'accepted',
  manifestJson: '{}',
  requestHash: 'h1',
  idempotencyKey: key,
  componentCount: 3,
  secrets: new Map([
    ['s', { ciphertext: Buffer.from([1, 2]), iv: Buffer.alloc(12), tag: Buffer.alloc(16) }],
  ]),
  events: [{ time: 't0', phase: 'validate', level: 'info', message: 'ok', durationMs: 1.6 }],
  now: new Date().toISOString(),
});

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe.each(DATABASES)('repository on %s', (db) => {
  const opened: Repository[] = [];
  afterAll(async () => {
    for (const r of opened) await r.close();
  });
  const repo = async () => {
    const r = await openRepo(db);
    opened.push(r);
    return r;
  };

  it('creates, appends events with consecutive seqs and status, lists newest first', async () => {
    const r = await repo();
    expect((await r.createDeployment(base(uuid(1)))).created).toBe(true);
    await r.createDeployment(base(uuid(2)));
    const last = await r.appendEvents(
      uuid(1),
      [
        { time: 't1', phase: 'render', level: 'info', message: 'a' },
        {
          time: 't2',
          phase: 'components',
          level: 'info',
          message: 'b',
          component: 'flux',
          state: 'pending',
        },
      ],
      { status: 'rendering', statusMessage: 'rendering', commitSha: 'abc' },
    );
    expect(last).toBe(3);
    const evs = await r.listEvents(uuid(1), 1, 10);
    expect(evs.map((e) => e.seq)).toEqual([2, 3]);
    expect(evs[1]).toMatchObject({ component: 'flux', state: 'pending' });
    expect((await r.listEvents(uuid(1), 0, 1))[0]).toMatchObject({ durationMs: 2 });
    const row = await r.getDeployment(uuid(1));
    expect(row).toMatchObject({ status: 'rendering', commitSha: 'abc', lastSeq: 3 });
    const page = await r.listDeployments(1, undefined);
    expect(page.rows.map((x) => x.id)).toEqual([uuid(2)]);
    expect(page.more).toBe(true);
    const next = await r.listDeployments(1, page.lastOrd);
    expect(next.rows.map((x) => x.id)).toEqual([uuid(1)]);
    expect(await r.listUnfinished()).toEqual([uuid(1), uuid(2)]);
    expect((await r.getSecrets(uuid(1))).get('s')?.ciphertext).toEqual(Buffer.from([1, 2]));
    await r.putArtifact(uuid(1), 'a.json', 'one');
    await r.putArtifact(uuid(1), 'a.json', 'two');
    expect(await r.getArtifact(uuid(1), 'a.json')).toBe('two');
  });

  it('lists as unfinished every deployment whose status is not final', async () => {
    const r = await repo();
    const statuses = [...FINAL_STATUSES, 'pending', 'rendering', 'committing'] as const;
    for (const [i, status] of statuses.entries())
      await r.createDeployment({ ...base(uuid(200 + i)), status });
    const unfinished = statuses.flatMap((s, i) =>
      FINAL_STATUSES.includes(s) ? [] : [uuid(200 + i)],
    );
    expect(unfinished).toHaveLength(3);
    expect(await r.listUnfinished()).toEqual(unfinished);
  });

  const pair = async () => {
    const p = await openPair(db);
    opened.push(...p);
    return p;
  };

  it('lets exactly one of two claimers win a row, and a peer take over an expired lease', async () => {
    const [a, b] = await pair();
    await a.createDeployment(base(uuid(300)));
    expect(await b.listClaimable(10)).toEqual([uuid(300)]);

    const [wonA, wonB] = await Promise.all([
      a.claim(uuid(300), 'replica-a', 60_000),
      b.claim(uuid(300), 'replica-b', 60_000),
    ]);
    expect([wonA, wonB].filter(Boolean)).toHaveLength(1);
    const [winner, loser] = wonA
      ? (['replica-a', 'replica-b'] as const)
      : (['replica-b', 'replica-a'] as const);
    expect((await a.getLease(uuid(300)))?.owner).toBe(winner);
    expect(await a.listClaimable(10)).toEqual([]);
    // The loser can neither renew nor claim again, the winner can.
    expect(await b.renew(uuid(300), loser, 60_000)).toBe(false);
    expect(await a.claim(uuid(300), loser, 60_000)).toBe(false);
    expect(await b.renew(uuid(300), winner, 60_000)).toBe(true);

    // Many claimers at once on a fresh row, over both connections: still exactly one.
    await a.createDeployment(base(uuid(301)));
    const many = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim(uuid(301), `r-${i}`, 60_000)),
    );
    expect(many.filter(Boolean)).toHaveLength(1);

    // An expired lease is claimable and taken over; the old owner's guarded writes then fail.
    await a.createDeployment(base(uuid(302)));
    expect(await a.claim(uuid(302), 'old', 200)).toBe(true);
    expect(await b.claim(uuid(302), 'new', 60_000)).toBe(false);
    await sleep(400);
    expect(await b.listClaimable(10)).toEqual([uuid(302)]);
    expect(await b.claim(uuid(302), 'new', 60_000)).toBe(true);
    expect(await a.renew(uuid(302), 'old', 60_000)).toBe(false);
    const ev = { time: 't', phase: 'render', level: 'info', message: 'x' } as const;
    await expect(
      a.appendEvents(uuid(302), [ev], { status: 'rendering', expect: { leaseOwner: 'old' } }),
    ).rejects.toBeInstanceOf(GuardError);
    expect(await b.appendEvents(uuid(302), [ev], { expect: { leaseOwner: 'new' } })).toBe(2);
    expect((await a.listEvents(uuid(302), 0, 10)).map((e) => e.seq)).toEqual([1, 2]);

    // Released: claimable again at once; a release by someone else changes nothing.
    await a.release(uuid(302), 'old');
    expect((await a.getLease(uuid(302)))?.owner).toBe('new');
    await b.release(uuid(302), 'new');
    expect(await a.getLease(uuid(302))).toEqual({ owner: null, until: null });
    expect(await a.listClaimable(10)).toEqual([uuid(302)]);

    // releaseAll (SQLite at start: the one process) drops every remaining lease.
    expect(await b.releaseAll()).toBe(2);
    expect(await a.listClaimable(10)).toEqual([uuid(300), uuid(301), uuid(302)]);
  });

  it('never flips a final status and never claims a final deployment', async () => {
    const r = await repo();
    await r.createDeployment(base(uuid(400)));
    expect(await r.claim(uuid(400), 'me', 60_000)).toBe(true);
    const guard = { leaseOwner: 'me', notIn: FINAL_STATUSES };
    await r.appendEvents(uuid(400), [], { status: 'ready-to-apply', expect: guard });
    const ev = { time: 't', phase: 'failed', level: 'error', message: 'late' } as const;
    const err = await r
      .appendEvents(uuid(400), [ev], { status: 'failed', expect: guard })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GuardError);
    expect(err).toMatchObject({ status: 'ready-to-apply', leaseOwner: 'me' });
    expect(await r.getDeployment(uuid(400))).toMatchObject({
      status: 'ready-to-apply',
      lastSeq: 1,
    });
    await r.release(uuid(400), 'me');
    expect(await r.claim(uuid(400), 'other', 60_000)).toBe(false);
    expect(await r.listClaimable(10)).toEqual([]);
    // Unguarded writes (no `expect`) still work: the guard is what the pipeline asks for.
    await expect(r.appendEvents(uuid(999), [])).rejects.not.toBeInstanceOf(GuardError);
  });

  it('holds the lock of one key across two connections, never twice at once', async () => {
    const [a, b] = await pair();
    const log: string[] = [];
    const critical = (who: string) => async () => {
      log.push(`${who}+`);
      await sleep(50);
      log.push(`${who}-`);
      return who;
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? a : b).withLock('sovereign:x', critical(`${i}`)),
      ),
    );
    expect(results).toEqual(['0', '1', '2', '3', '4', '5']);
    // Strictly alternating enter/leave: no two holders overlapped.
    for (let i = 0; i < log.length; i += 2) {
      expect(log[i]?.endsWith('+')).toBe(true);
      expect(log[i + 1]).toBe(`${log[i]?.slice(0, -1)}-`);
    }
    expect(log).toHaveLength(12);
    // A throwing holder releases the lock.
    await expect(
      a.withLock('sovereign:x', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await b.withLock('sovereign:x', async () => 'free')).toBe('free');
  });

  it('keeps concurrent transactions apart: one that fails rolls back alone', async () => {
    // On SQLite these are committed as one group (one fsync); each still stands or falls alone.
    const r = await repo();
    await r.createDeployment(base(uuid(500)));
    const ev = { time: 't', phase: 'render', level: 'info', message: 'x' } as const;
    const results = await Promise.allSettled([
      ...Array.from({ length: 8 }, (_, i) => r.createDeployment(base(uuid(501 + i)))),
      // The id is taken: this whole transaction fails (no row, secret or event of it is left).
      r.createDeployment({ ...base(uuid(500)), name: 'repo-test-id-taken', events: [ev, ev, ev] }),
      r.appendEvents(uuid(500), [ev], { status: 'rendering' }),
      r.appendEvents(uuid(999), [ev]),
    ]);
    expect(results.map((x) => x.status)).toEqual([
      ...Array<string>(8).fill('fulfilled'),
      'rejected',
      'fulfilled',
      'rejected',
    ]);
    expect(await r.listUnfinished()).toHaveLength(9);
    expect(await r.getDeployment(uuid(500))).toMatchObject({ status: 'rendering', lastSeq: 2 });
    expect((await r.listEvents(uuid(500), 0, 10)).map((e) => e.phase)).toEqual([
      'validate',
      'render',
    ]);
    expect(await r.listEvents(uuid(999), 0, 10)).toEqual([]);
    for (let i = 0; i < 8; i++) {
      expect(await r.getDeployment(uuid(501 + i))).toMatchObject({ lastSeq: 1 });
      expect((await r.getSecrets(uuid(501 + i))).size).toBe(1);
    }
  });

  it('returns the existing row for a taken idempotency key, even under concurrency', async () => {
    const r = await repo();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => r.createDeployment(base(uuid(100 + i), 'same-key'))),
    );
    expect(results.filter((x) => x.created)).toHaveLength(1);
    expect(new Set(results.map((x) => x.row.id)).size).toBe(1);
    // Nothing of the losers was written (no orphan events or secrets).
    const loser = results.find((x) => !x.created);
    expect(loser).toBeDefined();
    expect(await r.listUnfinished()).toHaveLength(1);
  });
});

it('records applied migrations in a migrations table', async () => {
  const file = path.join(tempDir(), 'm.sqlite');
  const r = await openSqlite(file);
  await r.close();
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT version FROM migrations').all();
  expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  expect(rows.length).toBeGreaterThanOrEqual(2);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  db.close();
  // Reopening applies nothing twice.
  const again = await openSqlite(file);
  await again.close();
});

describe.each(DATABASES)('the API on %s under concurrent retries', (db) => {
  it('creates one deployment for 30 concurrent submits with one Idempotency-Key', async () => {
    const t = await startServer({ db });
    try {
      const responses = await Promise.all(
        Array.from({ length: 30 }, () =>
          submit(t.url, validBody('retry'), { 'idempotency-key': `concurrent-${db}` }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.every((s) => s === 201 || s === 200)).toBe(true);
      const ids = await Promise.all(
        responses.map(async (r) => deploymentCreatedSchema.parse(await r.json()).id),
      );
      expect(new Set(ids).size).toBe(1);
      const list = (await (await fetch(`${t.url}/api/v1/deployments?limit=100`)).json()) as {
        items: unknown[];
      };
      expect(list.items).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
