// PostgreSQL (pg) behind the same Repository contract, used when DATABASE_URL is set.
import pg from 'pg';
import { FINAL_STATUSES } from '../../src/shared/schemas/api';
import type { SealedSecret } from '../crypto';
import { MIGRATIONS, MIGRATIONS_TABLE_SQL } from './migrations';
import type { DeploymentStatus } from '../../src/shared/constants/domain';
import { GuardError, type NewEvent, type Repository, type StatusUpdate } from './repository';
import {
  DEPLOYMENT_COLUMNS,
  EVENT_COLUMNS,
  eventValues,
  toDeploymentRow,
  toEvent,
  type RawDeployment,
  type RawEvent,
} from './rows';

type Client = pg.PoolClient;

/** First key of the advisory locks of Sovereign repositories (the second: hashtext(name)). */
export const REPO_LOCK_CLASS = 4242002;

/** Events per INSERT (9 parameters each, far below PostgreSQL's 65,535). */
const EVENT_BATCH = 500;

async function inTransaction<T>(pool: pg.Pool, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (c) => {
    // One migrator at a time, even with several API processes on the same database.
    await c.query('SELECT pg_advisory_xact_lock(4242001)');
    await c.query(MIGRATIONS_TABLE_SQL);
    const { rows } = await c.query<{ version: number }>('SELECT version FROM migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await c.query(m.postgres);
      await c.query('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    }
  });
}

async function append(
  c: Client,
  id: string,
  events: readonly NewEvent[],
  u: StatusUpdate = {},
): Promise<number> {
  const { rows } = await c.query<{ last_seq: number }>(
    `UPDATE deployments SET last_seq = last_seq + $1, updated_at = $2,
       status = COALESCE($3, status), status_message = COALESCE($4, status_message),
       commit_sha = COALESCE($5, commit_sha)
     WHERE id = $6 AND ($7::text IS NULL OR lease_owner = $7)
       AND NOT (status = ANY($8::text[]))
     RETURNING last_seq`,
    [
      events.length,
      new Date().toISOString(),
      u.status ?? null,
      u.statusMessage ?? null,
      u.commitSha ?? null,
      id,
      u.expect?.leaseOwner ?? null,
      u.expect?.notIn ?? [],
    ],
  );
  const row = rows[0];
  if (!row) {
    const state = await c.query<{ status: DeploymentStatus; lease_owner: string | null }>(
      'SELECT status, lease_owner FROM deployments WHERE id = $1',
      [id],
    );
    const s = state.rows[0];
    if (s) throw new GuardError(id, s.status, s.lease_owner);
    throw new Error(`No deployment ${id}`);
  }
  // One multi-row INSERT per batch (not a round trip per event: a deployment has one per component).
  let seq = row.last_seq - events.length;
  for (let start = 0; start < events.length; start += EVENT_BATCH) {
    const batch = events.slice(start, start + EVENT_BATCH);
    const params: unknown[] = [];
    const tuples = batch.map((e) => {
      const values = [id, ++seq, ...eventValues(e)];
      const first = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${first + i + 1}`).join(', ')})`;
    });
    await c.query(
      `INSERT INTO events (deployment_id, ${EVENT_COLUMNS}) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
  return row.last_seq;
}

/** Connects to PostgreSQL and applies pending migrations. */
export async function openPostgres(url: string): Promise<Repository> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined);
  await migrate(pool);

  const one = async (sql: string, params: unknown[]) =>
    (await pool.query<RawDeployment>(sql, params)).rows[0];

  return {
    kind: 'postgres',
    createDeployment: (d) =>
      inTransaction(pool, async (c) => {
        const ins = await c.query(
          `INSERT INTO deployments (id, name, status, status_message, manifest, request_hash,
             idempotency_key, component_count, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
           ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
          [
            d.id,
            d.name,
            d.status,
            d.statusMessage,
            d.manifestJson,
            d.requestHash,
            d.idempotencyKey,
            d.componentCount,
            d.now,
          ],
        );
        if (ins.rowCount === 0) {
          const { rows } = await c.query<RawDeployment>(
            `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE idempotency_key = $1`,
            [d.idempotencyKey],
          );
          return { created: false, row: toDeploymentRow(rows[0] as RawDeployment) };
        }
        for (const [name, s] of d.secrets) {
          await c.query(
            'INSERT INTO secrets (deployment_id, name, ciphertext, iv, tag) VALUES ($1, $2, $3, $4, $5)',
            [d.id, name, s.ciphertext, s.iv, s.tag],
          );
        }
        await append(c, d.id, d.events);
        const { rows } = await c.query<RawDeployment>(
          `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE id = $1`,
          [d.id],
        );
        return { created: true, row: toDeploymentRow(rows[0] as RawDeployment) };
      }),
    getDeployment: async (id) => {
      const r = await one(`SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE id = $1`, [id]);
      return r && toDeploymentRow(r);
    },
    listDeployments: async (limit, beforeOrd) => {
      const { rows } = await pool.query<RawDeployment>(
        `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE ord < $1 ORDER BY ord DESC LIMIT $2`,
        [beforeOrd ?? Number.MAX_SAFE_INTEGER, limit + 1],
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        rows: page.map(toDeploymentRow),
        lastOrd: last ? Number(last.ord) : undefined,
        more: rows.length > limit,
      };
    },
    appendEvents: (id, events, update) => inTransaction(pool, (c) => append(c, id, events, update)),
    listEvents: async (id, afterSeq, limit) => {
      const { rows } = await pool.query<RawEvent>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE deployment_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [id, afterSeq, limit],
      );
      return rows.map(toEvent);
    },
    listUnfinished: async () => {
      const { rows } = await pool.query<{ id: string }>(
        'SELECT id FROM deployments WHERE NOT (status = ANY($1::text[])) ORDER BY ord',
        [FINAL_STATUSES],
      );
      return rows.map((r) => r.id);
    },
    claim: async (id, owner, leaseMs) => {
      const res = await pool.query(
        `UPDATE deployments SET lease_owner = $2,
           lease_until = now() + make_interval(secs => $3::double precision / 1000)
         WHERE id = $1 AND NOT (status = ANY($4::text[]))
           AND (lease_until IS NULL OR lease_until < now() OR lease_owner = $2)`,
        [id, owner, leaseMs, FINAL_STATUSES],
      );
      return res.rowCount === 1;
    },
    renew: async (id, owner, leaseMs) => {
      const res = await pool.query(
        `UPDATE deployments
         SET lease_until = now() + make_interval(secs => $3::double precision / 1000)
         WHERE id = $1 AND lease_owner = $2`,
        [id, owner, leaseMs],
      );
      return res.rowCount === 1;
    },
    release: async (id, owner) => {
      await pool.query(
        'UPDATE deployments SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2',
        [id, owner],
      );
    },
    listClaimable: async (limit) => {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT id FROM deployments WHERE NOT (status = ANY($1::text[]))
           AND (lease_until IS NULL OR lease_until < now()) ORDER BY ord LIMIT $2`,
        [FINAL_STATUSES, limit],
      );
      return rows.map((r) => r.id);
    },
    getLease: async (id) => {
      const { rows } = await pool.query<{ lease_owner: string | null; lease_until: Date | null }>(
        'SELECT lease_owner, lease_until FROM deployments WHERE id = $1',
        [id],
      );
      const r = rows[0];
      return r && { owner: r.lease_owner, until: r.lease_until?.toISOString() ?? null };
    },
    releaseAll: async () => {
      const res = await pool.query(
        'UPDATE deployments SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL',
      );
      return res.rowCount ?? 0;
    },
    withLock: async (key, fn) => {
      // A session-level advisory lock on a connection of its own: every replica on this database
      // waits for it; if this process dies, PostgreSQL drops the session and the lock with it.
      const c = await pool.connect();
      let healthy = true;
      try {
        await c.query('SELECT pg_advisory_lock($1, hashtext($2))', [REPO_LOCK_CLASS, key]);
      } catch (err) {
        c.release(true);
        throw err;
      }
      try {
        return await fn();
      } finally {
        await c
          .query('SELECT pg_advisory_unlock($1, hashtext($2))', [REPO_LOCK_CLASS, key])
          .catch(() => {
            healthy = false;
          });
        // A connection whose unlock failed is closed, which drops the lock.
        c.release(!healthy);
      }
    },
    getSecrets: async (id) => {
      const { rows } = await pool.query<{ name: string } & SealedSecret>(
        'SELECT name, ciphertext, iv, tag FROM secrets WHERE deployment_id = $1',
        [id],
      );
      return new Map(rows.map((r) => [r.name, { ciphertext: r.ciphertext, iv: r.iv, tag: r.tag }]));
    },
    putArtifact: async (id, name, content) => {
      await pool.query(
        `INSERT INTO artifacts (deployment_id, name, content) VALUES ($1, $2, $3)
         ON CONFLICT (deployment_id, name) DO UPDATE SET content = excluded.content`,
        [id, name, content],
      );
    },
    getArtifact: async (id, name) => {
      const { rows } = await pool.query<{ content: string }>(
        'SELECT content FROM artifacts WHERE deployment_id = $1 AND name = $2',
        [id, name],
      );
      return rows[0]?.content;
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
