// Embedded SQLite (better-sqlite3): WAL with synchronous=FULL, so a committed transaction survives
// a crash of the process or the machine before the API answers 201. The SQL is sql-repository.ts;
// this is the driver: cached prepared statements, `$n` bound as named parameters, epoch-ms leases,
// group commit, and transactions and locks of this process (one SQLite file has one writer
// process: the embedded mode is a single replica).
import Database from 'better-sqlite3';
import type { Repository } from './repository';
import { openSqlRepository, type Param, type Queryable } from './sql-repository';

/** Prepared statements kept per connection (the multi-row INSERTs have one per row count). */
const STATEMENT_CACHE = 256;
/** Transactions committed together at most (one fsync for all of them). */
const GROUP_MAX = 64;

/**
 * One queue per file in this process. better-sqlite3 is synchronous but the repository is not: a
 * transaction spans awaits, so every statement waits for the transaction before it (none runs in
 * the middle of another's, nor blocks the thread on a second connection's write lock).
 */
const queues = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, fn: () => T | Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(fn);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => queues.get(key) === settled && queues.delete(key));
  return next;
}

interface Pending {
  fn: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** Opens (and migrates) the SQLite database file. */
export async function openSqlite(file: string): Promise<Repository> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  // `$1` is the named parameter "1" to SQLite.
  const bind = (params: readonly Param[]) =>
    params.length ? [Object.fromEntries(params.map((p, i) => [i + 1, p]))] : [];
  const direct = {
    query: <R>(sql: string, params: readonly Param[] = []): R[] => {
      const stmt = prepare(sql);
      if (stmt.reader) return stmt.all(...bind(params)) as R[];
      stmt.run(...bind(params));
      return [];
    },
    run: (sql: string, params: readonly Param[] = []) => prepare(sql).run(...bind(params)).changes,
  };
  const tx: Queryable = {
    query: async (sql, params) => direct.query(sql, params),
    run: async (sql, params) => direct.run(sql, params),
    exec: async (sql) => void db.exec(sql),
  };
  const step = (sql: string) => void prepare(sql).run();

  /**
   * Group commit: the transactions asked for while the event loop runs (the submits that arrived
   * together) run one after the other in one SQLite transaction, each in a savepoint of its own
   * (one that throws rolls back alone), and are committed, fsync and all, once: each resolves only
   * after that COMMIT, so an answer still means on disk, at one fsync per group instead of each.
   */
  const pending: Pending[] = [];
  let flushing: Promise<void> | undefined;
  const commitGroup = async (group: Pending[]) => {
    let done: { p: Pending; out: unknown }[] = [];
    for (const p of group) {
      try {
        if (!db.inTransaction) step('BEGIN IMMEDIATE');
      } catch (err) {
        p.reject(err);
        continue;
      }
      step('SAVEPOINT grouped');
      try {
        const out = await p.fn(tx);
        step('RELEASE grouped');
        done.push({ p, out });
      } catch (err) {
        try {
          step('ROLLBACK TO grouped');
          step('RELEASE grouped');
        } catch {
          // SQLite rolled the whole transaction back (an I/O or full-disk error): the group's
          // earlier members are undone too.
          if (db.inTransaction) step('ROLLBACK');
          for (const d of done) d.p.reject(err);
          done = [];
        }
        p.reject(err);
      }
    }
    try {
      if (db.inTransaction) step('COMMIT');
      for (const d of done) d.p.resolve(d.out);
    } catch (err) {
      if (db.inTransaction) step('ROLLBACK');
      for (const d of done) d.p.reject(err);
    }
  };
  const flush = (): Promise<void> =>
    serialised(file, async () => {
      while (pending.length > 0) await commitGroup(pending.splice(0, GROUP_MAX));
      flushing = undefined;
    });
  const transaction = <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      // After the I/O callbacks of this turn of the event loop, so that they can join the group.
      flushing ??= new Promise<void>((r) => setImmediate(r)).then(flush);
    });
  /** A write outside a transaction is a transaction of one statement (it joins a group). */
  const write = <T>(sql: string, read: () => T): Promise<T> =>
    prepare(sql).readonly ? serialised(file, read) : transaction(async () => read());
  const locks = `${file}\0lock:`;

  return openSqlRepository({
    kind: 'sqlite',
    query: (sql, params) => write(sql, () => direct.query(sql, params)),
    run: (sql, params) => write(sql, () => direct.run(sql, params)),
    exec: (sql) => serialised(file, () => void db.exec(sql)),
    now: "CAST(unixepoch('subsec') * 1000 AS INTEGER)",
    leaseUntil: (ms) => `(CAST(unixepoch('subsec') * 1000 AS INTEGER) + ${ms})`,
    transaction,
    // A per-key queue of this process, on a key of its own (not the statements' queue).
    withLock: (key, fn) => serialised(locks + key, fn),
    close: async () => {
      await flushing;
      await serialised(file, () => void db.close());
    },
  });
}
