// One better-sqlite3 connection: the durability pragmas, cached prepared statements, `$n` bound as
// named parameters, and the queue that orders every statement on one file in this process.
import Database from 'better-sqlite3';
import type { Param, Queryable } from './driver';

/** Prepared statements kept per connection (the multi-row INSERTs have one per row count). */
const STATEMENT_CACHE = 256;

/**
 * One queue per file in this process. better-sqlite3 is synchronous but the repository is not: a
 * transaction spans awaits, so every statement waits for the transaction before it (none runs in
 * the middle of another's, nor blocks the thread on a second connection's write lock).
 */
const queues = new Map<string, Promise<unknown>>();

export function serialised<T>(key: string, fn: () => T | Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(fn);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => queues.get(key) === settled && queues.delete(key));
  return next;
}

/** WAL with synchronous=FULL: a committed transaction survives a crash of the process or machine. */
function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** db.prepare, remembering the last STATEMENT_CACHE statements (the oldest is dropped first). */
function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}

// `$1` is the named parameter "1" to SQLite.
const bind = (params: readonly Param[]) =>
  params.length ? [Object.fromEntries(params.map((p, i) => [i + 1, p]))] : [];

/** Statements run at once, outside the queue: callers hold it (or are inside a transaction). */
export interface Connection {
  readonly db: Database.Database;
  prepare(sql: string): Database.Statement;
  query<R>(sql: string, params?: readonly Param[]): R[];
  run(sql: string, params?: readonly Param[]): number;
  /** The same statements, as the Queryable a transaction's fn is given. */
  readonly tx: Queryable;
  /** One statement without parameters or rows (BEGIN, SAVEPOINT, COMMIT, ...). */
  step(sql: string): void;
}

export function connect(file: string): Connection {
  const db = openDatabase(file);
  const prepare = statementCache(db);
  const query = <R>(sql: string, params: readonly Param[] = []): R[] => {
    const stmt = prepare(sql);
    if (stmt.reader) return stmt.all(...bind(params)) as R[];
    stmt.run(...bind(params));
    return [];
  };
  const run = (sql: string, params: readonly Param[] = []) =>
    prepare(sql).run(...bind(params)).changes;
  const tx: Queryable = {
    query: async (sql, params) => query(sql, params),
    run: async (sql, params) => run(sql, params),
    exec: async (sql) => void db.exec(sql),
  };
  return { db, prepare, query, run, tx, step: (sql) => void prepare(sql).run() };
}
