// Embedded SQLite (better-sqlite3): WAL with synchronous=FULL, so a committed transaction survives
// a crash of the process or the machine before the API answers 201. The SQL is sql-repository.ts;
// this is the driver: a connection with cached prepared statements and `$n` bound as named
// parameters (sqlite-connection.ts), epoch-ms leases, group commit (sqlite-group-commit.ts), and
// transactions and locks of this process (one SQLite file has one writer process: the embedded
// mode is a single replica).
import type { Repository } from './repository';
import { openSqlRepository } from './sql-repository';
import { connect, serialised } from './sqlite-connection';
import { groupCommit } from './sqlite-group-commit';

/** The time now in epoch milliseconds, the type `lease_until` holds on SQLite. */
const NOW_MS = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";

/** Opens (and migrates) the SQLite database file. */
export async function openSqlite(file: string): Promise<Repository> {
  const c = connect(file);
  const { transaction, flushing } = groupCommit(c, file);
  /** A write outside a transaction is a transaction of one statement (it joins a group). */
  const write = <T>(sql: string, read: () => T): Promise<T> =>
    c.prepare(sql).readonly ? serialised(file, read) : transaction(async () => read());
  const locks = `${file}\0lock:`;

  return openSqlRepository({
    kind: 'sqlite',
    query: (sql, params) => write(sql, () => c.query(sql, params)),
    run: (sql, params) => write(sql, () => c.run(sql, params)),
    exec: (sql) => serialised(file, () => void c.db.exec(sql)),
    now: NOW_MS,
    leaseUntil: (ms) => `(${NOW_MS} + ${ms})`,
    transaction,
    // A per-key queue of this process, on a key of its own (not the statements' queue).
    withLock: (key, fn) => serialised(locks + key, fn),
    close: async () => {
      await flushing();
      await serialised(file, () => void c.db.close());
    },
  });
}
