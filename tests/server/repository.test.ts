// The repository contract and idempotency under concurrent retries, on SQLite always and on
// PostgreSQL when DATABASE_URL is set.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { deploymentCreatedSchema, FINAL_STATUSES } from '../../src/shared/schemas/api';
import { openPostgres } from '../../server/db/postgres';
import type { NewDeployment, Repository } from '../../server/db/repository';
import { openSqlite } from '../../server/db/sqlite';
import { validBody } from './fixtures';
import { DATABASES, freshPgUrl, startServer, submit, tempDir } from './harness';

async function openRepo(db: 'sqlite' | 'postgres'): Promise<Repository> {
  return db === 'sqlite'
    ? openSqlite(path.join(tempDir(), 'test.sqlite'))
    : openPostgres(await freshPgUrl());
}

const base = (id: string, key: string | null = null): NewDeployment => ({
  id,
  name: 'repo-test',
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

it('records applied migrations in a migrations table', () => {
  const file = path.join(tempDir(), 'm.sqlite');
  const r = openSqlite(file);
  void r.close();
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT version FROM migrations').all();
  expect(rows).toEqual([{ version: 1 }]);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  db.close();
  // Reopening applies nothing twice.
  const again = openSqlite(file);
  void again.close();
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
