// What the SQL of the Repository runs on: statements, transactions and the few places where SQLite
// and PostgreSQL differ (sqlite.ts, postgres.ts implement it).

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
