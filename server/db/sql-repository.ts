// The Repository, written once in the SQL that SQLite and PostgreSQL both speak, over a small
// Driver (sqlite.ts, postgres.ts). Shared on both: `$1, $2, ...` placeholders (SQLite reads them as
// named parameters "1", "2", ...), `INSERT ... ON CONFLICT ... DO NOTHING / DO UPDATE SET x =
// excluded.x`, `UPDATE ... RETURNING`, multi-row VALUES and `NOT IN (...)` lists spelled out as
// placeholders (no arrays). What differs is in the Driver: how a statement runs, a transaction, the
// lease clock, the migration lock and the per-key lock across processes.
import type { DeploymentStatus } from '../../src/shared/constants/domain';
import { FINAL_STATUSES } from '../../src/shared/schemas/api';
import type { SealedSecret } from '../crypto';
import { MIGRATIONS, MIGRATIONS_TABLE_SQL } from './migrations';
import {
  GuardError,
  type CreateResult,
  type NewDeployment,
  type NewEvent,
  type Repository,
  type StatusUpdate,
} from './repository';
import {
  DEPLOYMENT_COLUMNS,
  EVENT_COLUMNS,
  eventValues,
  toDeploymentRow,
  toEvent,
  type RawDeployment,
  type RawEvent,
} from './rows';

/** What a placeholder can be bound to on both databases. */
export type Param = string | number | Buffer | null;

/** Statements on the database, or inside one transaction. Placeholders: `$1, $2, ...`. */
export interface Queryable {
  /** The rows a statement returns (a SELECT, or a write with RETURNING). */
  query<R>(sql: string, params?: readonly Param[]): Promise<R[]>;
  /** How many rows a write changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** A script of statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** Where SQLite and PostgreSQL really differ. */
export interface Driver extends Queryable {
  readonly kind: 'sqlite' | 'postgres';
  /** The database's current time, in the type `lease_until` holds (SQLite: epoch ms). */
  readonly now: string;
  /** `now` plus the milliseconds in the placeholder `ms`. */
  leaseUntil(ms: string): string;
  /** The first statement of the migration transaction: one migrator at a time (none needed). */
  readonly migrationLock?: string;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs fn holding the lock of `key` across every process on this database. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `$from, $from+1, ...`: n placeholders. */
const placeholders = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

/** Rows per multi-row INSERT (9 parameters an event: far below both databases' limits). */
const INSERT_BATCH = 500;

/** One multi-row INSERT per batch (not a round trip per event: a deployment has one per component). */
async function insertRows(
  q: Queryable,
  into: string,
  rows: readonly (readonly Param[])[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const params: Param[] = [];
    const tuples = batch.map((values) => {
      const first = params.length + 1;
      params.push(...values);
      return `(${placeholders(first, values.length)})`;
    });
    await q.run(`INSERT INTO ${into} VALUES ${tuples.join(', ')}`, params);
  }
}

async function migrate(d: Driver): Promise<void> {
  await d.transaction(async (tx) => {
    if (d.migrationLock) await tx.query(d.migrationLock);
    await tx.exec(MIGRATIONS_TABLE_SQL);
    const rows = await tx.query<{ version: number }>('SELECT version FROM migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await tx.exec(m[d.kind]);
      await tx.run('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    }
  });
}

/** `status NOT IN ($from, ...)` for n statuses (n > 0). */
const statusNotIn = (n: number, from: number) => `status NOT IN (${placeholders(from, n)})`;

const FINAL: readonly string[] = FINAL_STATUSES;

/** A lease_until value as ISO time: SQLite keeps epoch ms, PostgreSQL a timestamptz. */
function isoTime(v: Date | number | string | null): string | null {
  if (v === null) return null;
  return (v instanceof Date ? v : new Date(Number(v))).toISOString();
}

/** Appends events after the last seq and applies the status change, guarded by `u.expect`. */
async function append(
  q: Queryable,
  id: string,
  events: readonly NewEvent[],
  u: StatusUpdate = {},
): Promise<number> {
  const params: Param[] = [
    events.length,
    new Date().toISOString(),
    u.status ?? null,
    u.statusMessage ?? null,
    u.commitSha ?? null,
    id,
  ];
  let where = 'id = $6';
  if (u.expect?.leaseOwner !== undefined) {
    params.push(u.expect.leaseOwner);
    where += ` AND lease_owner = $${params.length}`;
  }
  const notIn = u.expect?.notIn ?? [];
  if (notIn.length > 0) {
    where += ` AND ${statusNotIn(notIn.length, params.length + 1)}`;
    params.push(...notIn);
  }
  const [row] = await q.query<{ last_seq: number }>(
    `UPDATE deployments SET last_seq = last_seq + $1, updated_at = $2,
       status = COALESCE($3, status), status_message = COALESCE($4, status_message),
       commit_sha = COALESCE($5, commit_sha)
     WHERE ${where} RETURNING last_seq`,
    params,
  );
  if (!row) {
    const [s] = await q.query<{ status: DeploymentStatus; lease_owner: string | null }>(
      'SELECT status, lease_owner FROM deployments WHERE id = $1',
      [id],
    );
    if (s) throw new GuardError(id, s.status, s.lease_owner);
    throw new Error(`No deployment ${id}`);
  }
  const last = Number(row.last_seq);
  await insertEvents(q, id, last - events.length, events);
  return last;
}

/** Inserts events numbered after `afterSeq`. */
function insertEvents(q: Queryable, id: string, afterSeq: number, events: readonly NewEvent[]) {
  let seq = afterSeq;
  return insertRows(
    q,
    `events (deployment_id, ${EVENT_COLUMNS})`,
    events.map((e) => [id, ++seq, ...eventValues(e)]),
  );
}

/**
 * True for a violation of the unique (name, revision) index: SQLite names its columns, PostgreSQL
 * (SQLSTATE 23505) the index.
 */
function isRevisionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (e.code === '23505') return e.constraint === 'deployments_name_revision';
  return (
    typeof e.code === 'string' &&
    e.code.startsWith('SQLITE_CONSTRAINT') &&
    typeof e.message === 'string' &&
    e.message.includes('deployments.name, deployments.revision')
  );
}

/** Migrates the database behind `d` and returns the Repository over it. */
export async function openSqlRepository(d: Driver): Promise<Repository> {
  await migrate(d);
  const byId = `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE id = $1`;

  // The row is inserted with its first events already counted and returned as inserted: one
  // statement per table, no UPDATE or SELECT after it (each is a round trip on PostgreSQL).
  const insert = (n: NewDeployment) =>
    d.transaction(async (tx): Promise<CreateResult> => {
      const [inserted] = await tx.query<RawDeployment>(
        `INSERT INTO deployments (id, name, status, status_message, manifest, request_hash,
           idempotency_key, component_count, last_seq, created_at, updated_at, revision,
           base_revision, summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${DEPLOYMENT_COLUMNS}`,
        [
          n.id,
          n.name,
          n.status,
          n.statusMessage,
          n.manifestJson,
          n.requestHash,
          n.idempotencyKey,
          n.componentCount,
          n.events.length,
          n.now,
          n.revision ?? 1,
          n.baseRevision ?? null,
          n.summary ?? 'Created',
        ],
      );
      if (!inserted) {
        const [existing] = await tx.query<RawDeployment>(
          `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE idempotency_key = $1`,
          [n.idempotencyKey],
        );
        return {
          created: false,
          taken: 'idempotency-key',
          row: toDeploymentRow(existing as RawDeployment),
        };
      }
      await insertRows(
        tx,
        'secrets (deployment_id, name, ciphertext, iv, tag)',
        [...n.secrets].map(([name, s]) => [n.id, name, s.ciphertext, s.iv, s.tag]),
      );
      await insertEvents(tx, n.id, 0, n.events);
      return { created: true, row: toDeploymentRow(inserted) };
    });

  const byKey = async (key: string | null) =>
    key === null
      ? undefined
      : (
          await d.query<RawDeployment>(
            `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE idempotency_key = $1`,
            [key],
          )
        )[0];
  const byRevision = async (name: string, revision: number) =>
    (
      await d.query<RawDeployment>(
        `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE name = $1 AND revision = $2`,
        [name, revision],
      )
    )[0];

  // The unique (name, revision) index decides between concurrent inserts of one revision: the
  // loser's transaction fails on it and is rolled back whole (no secret or event of it is left).
  // A loser whose idempotency key a concurrent twin took is that twin's replay.
  const create = async (n: NewDeployment): Promise<CreateResult> => {
    try {
      return await insert(n);
    } catch (err) {
      if (!isRevisionConflict(err)) throw err;
      const twin = await byKey(n.idempotencyKey);
      if (twin) return { created: false, taken: 'idempotency-key', row: toDeploymentRow(twin) };
      const holder = await byRevision(n.name, n.revision ?? 1);
      if (!holder) throw err;
      return { created: false, taken: 'revision', row: toDeploymentRow(holder) };
    }
  };

  return {
    kind: d.kind,
    createDeployment: create,
    getDeployment: async (id) => {
      const [r] = await d.query<RawDeployment>(byId, [id]);
      return r && toDeploymentRow(r);
    },
    getDeploymentByKey: async (key) => {
      const r = await byKey(key);
      return r && toDeploymentRow(r);
    },
    getRevision: async (name, revision) => {
      const r = await byRevision(name, revision);
      return r && toDeploymentRow(r);
    },
    listRevisions: async (name) =>
      (
        await d.query<RawDeployment>(
          `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE name = $1 ORDER BY revision`,
          [name],
        )
      ).map(toDeploymentRow),
    listSovereigns: async (limit) =>
      (
        await d.query<{ name: string; revision: number; status: string; updated: string }>(
          `SELECT d.name, d.revision, d.status, m.updated FROM deployments d
           JOIN (SELECT name, MAX(revision) AS latest, MAX(updated_at) AS updated
                 FROM deployments GROUP BY name) m
             ON d.name = m.name AND d.revision = m.latest
           ORDER BY m.updated DESC, d.name LIMIT $1`,
          [limit],
        )
      ).map((r) => ({
        name: r.name,
        latestRevision: Number(r.revision),
        status: r.status as DeploymentStatus,
        updatedAt: r.updated,
      })),
    listDeployments: async (limit, beforeOrd) => {
      const raw = await d.query<RawDeployment>(
        `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE ord < $1 ORDER BY ord DESC LIMIT $2`,
        [beforeOrd ?? Number.MAX_SAFE_INTEGER, limit + 1],
      );
      const page = raw.slice(0, limit);
      const last = page[page.length - 1];
      return {
        rows: page.map(toDeploymentRow),
        lastOrd: last ? Number(last.ord) : undefined,
        more: raw.length > limit,
      };
    },
    // Events and a status in one transaction; a status change alone is one statement already.
    appendEvents: (id, events, update) =>
      events.length === 0
        ? append(d, id, events, update)
        : d.transaction((tx) => append(tx, id, events, update)),
    listEvents: async (id, afterSeq, limit) =>
      (
        await d.query<RawEvent>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE deployment_id = $1 AND seq > $2
           ORDER BY seq LIMIT $3`,
          [id, afterSeq, limit],
        )
      ).map(toEvent),
    listUnfinished: async () =>
      (
        await d.query<{ id: string }>(
          `SELECT id FROM deployments WHERE ${statusNotIn(FINAL.length, 1)} ORDER BY ord`,
          FINAL,
        )
      ).map((r) => r.id),
    claim: async (id, owner, leaseMs) =>
      (await d.run(
        `UPDATE deployments SET lease_owner = $2, lease_until = ${d.leaseUntil('$3')}
         WHERE id = $1 AND ${statusNotIn(FINAL.length, 4)}
           AND (lease_until IS NULL OR lease_until < ${d.now} OR lease_owner = $2)`,
        [id, owner, leaseMs, ...FINAL],
      )) === 1,
    renew: async (id, owner, leaseMs) =>
      (await d.run(
        `UPDATE deployments SET lease_until = ${d.leaseUntil('$3')}
         WHERE id = $1 AND lease_owner = $2`,
        [id, owner, leaseMs],
      )) === 1,
    release: async (id, owner) => {
      await d.run(
        'UPDATE deployments SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2',
        [id, owner],
      );
    },
    listClaimable: async (limit) =>
      (
        await d.query<{ id: string }>(
          `SELECT id FROM deployments WHERE (lease_until IS NULL OR lease_until < ${d.now})
             AND ${statusNotIn(FINAL.length, 2)} ORDER BY ord LIMIT $1`,
          [limit, ...FINAL],
        )
      ).map((r) => r.id),
    getLease: async (id) => {
      const [r] = await d.query<{ lease_owner: string | null; lease_until: Date | number | null }>(
        'SELECT lease_owner, lease_until FROM deployments WHERE id = $1',
        [id],
      );
      return r && { owner: r.lease_owner, until: isoTime(r.lease_until) };
    },
    releaseAll: () =>
      d.run(
        'UPDATE deployments SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL',
      ),
    withLock: (key, fn) => d.withLock(key, fn),
    getSecrets: async (id) => {
      const rows = await d.query<{ name: string } & SealedSecret>(
        'SELECT name, ciphertext, iv, tag FROM secrets WHERE deployment_id = $1',
        [id],
      );
      return new Map(rows.map((r) => [r.name, { ciphertext: r.ciphertext, iv: r.iv, tag: r.tag }]));
    },
    putArtifact: async (id, name, content) => {
      await d.run(
        `INSERT INTO artifacts (deployment_id, name, content) VALUES ($1, $2, $3)
         ON CONFLICT (deployment_id, name) DO UPDATE SET content = excluded.content`,
        [id, name, content],
      );
    },
    getArtifact: async (id, name) =>
      (
        await d.query<{ content: string }>(
          'SELECT content FROM artifacts WHERE deployment_id = $1 AND name = $2',
          [id, name],
        )
      )[0]?.content,
    ping: async () => {
      await d.query('SELECT 1');
    },
    close: () => d.close(),
  };
}
