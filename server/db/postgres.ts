// PostgreSQL (pg) behind the same Repository, used when DATABASE_URL is set. The SQL is
// sql-repository.ts; this is the driver: a pool, transactions on one of its connections, leases in
// the server's own time (timestamptz, so replicas' clocks do not matter), an advisory lock for the
// migrations and one per key for the Sovereigns' repositories.
import pg from 'pg';
import type { Queryable } from './driver';
import type { Repository } from './repository';
import { openSqlRepository } from './sql-repository';

/** First key of the advisory locks of Sovereign repositories (the second: hashtext(name)). */
export const REPO_LOCK_CLASS = 4242002;
/** The advisory lock migrators take, so replicas may start together. */
const MIGRATION_LOCK_CLASS = 4242001;

/** The server's time now, the type `lease_until` holds on PostgreSQL (timestamptz). */
const NOW = 'now()';

/** Names of prepared statements by SQL text: each connection parses and plans a statement once. */
const names = new Map<string, string>();
const named = (text: string, params: readonly unknown[] = []) => {
  let name = names.get(text);
  if (!name) names.set(text, (name = `s${names.size}`));
  return { name, text, values: params as unknown[] };
};

function on(c: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: async (sql, params) => (await c.query(named(sql, params))).rows,
    run: async (sql, params) => (await c.query(named(sql, params))).rowCount ?? 0,
    exec: async (sql) => void (await c.query(sql)),
  };
}

/** Runs fn in a transaction on a connection of the pool of its own. */
async function inTransaction<T>(pool: pg.Pool, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(on(c));
    await c.query('COMMIT');
    return out;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/**
 * Runs fn holding a session-level advisory lock on a connection of its own: every replica on this
 * database waits for it; if this process dies, PostgreSQL drops the session and the lock with it.
 */
async function withAdvisoryLock<T>(pool: pg.Pool, key: string, fn: () => Promise<T>): Promise<T> {
  const c = await pool.connect();
  const args = [REPO_LOCK_CLASS, key];
  try {
    await c.query('SELECT pg_advisory_lock($1, hashtext($2))', args);
  } catch (err) {
    c.release(true);
    throw err;
  }
  let healthy = true;
  try {
    return await fn();
  } finally {
    await c.query('SELECT pg_advisory_unlock($1, hashtext($2))', args).catch(() => {
      healthy = false;
    });
    // A connection whose unlock failed is closed, which drops the lock.
    c.release(!healthy);
  }
}

/** Connects to PostgreSQL and applies pending migrations. */
export async function openPostgres(url: string): Promise<Repository> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined);
  return openSqlRepository({
    kind: 'postgres',
    ...on(pool),
    now: NOW,
    leaseUntil: (ms) => `${NOW} + make_interval(secs => ${ms}::double precision / 1000)`,
    migrationLock: `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_CLASS})`,
    transaction: (fn) => inTransaction(pool, fn),
    withLock: (key, fn) => withAdvisoryLock(pool, key, fn),
    close: () => pool.end(),
  });
}
