// Group commit: the transactions asked for while the event loop runs (the submits that arrived
// together) run one after the other in one SQLite transaction, each in a savepoint of its own (one
// that throws rolls back alone), and are committed, fsync and all, once: each resolves only after
// that COMMIT, so an answer still means on disk, at one fsync per group instead of each.
import type { Queryable } from './driver';
import { serialised, type Connection } from './sqlite-connection';

/** Transactions committed together at most (one fsync for all of them). */
const GROUP_MAX = 64;

interface Pending {
  fn: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

async function commitGroup({ db, tx, step }: Connection, group: Pending[]): Promise<void> {
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
}

export interface GroupCommit {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** The flush under way, if any: settled once every transaction asked for so far is. */
  flushing(): Promise<void> | undefined;
}

/** Group commit on connection `c` to `file`, in the file's queue. */
export function groupCommit(c: Connection, file: string): GroupCommit {
  const pending: Pending[] = [];
  let flushing: Promise<void> | undefined;
  const flush = (): Promise<void> =>
    serialised(file, async () => {
      while (pending.length > 0) await commitGroup(c, pending.splice(0, GROUP_MAX));
      flushing = undefined;
    });
  return {
    transaction: <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        // After the I/O callbacks of this turn of the event loop, so that they can join the group.
        flushing ??= new Promise<void>((r) => setImmediate(r)).then(flush);
      }),
    flushing: () => flushing,
  };
}
