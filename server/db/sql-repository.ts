// The Repository, written once in the SQL that SQLite and PostgreSQL both speak, over a small
// Driver (sqlite.ts, postgres.ts). Shared on both: `$1, $2, ...` placeholders (SQLite reads them as
// named parameters "1", "2", ...), `INSERT ... ON CONFLICT ... DO NOTHING / DO UPDATE SET x =
// excluded.x`, `UPDATE ... RETURNING`, multi-row VALUES and `NOT IN (...)` lists spelled out as
// placeholders (no arrays). What differs is in the Driver: how a statement runs, a transaction, the
// lease clock, the migration lock and the per-key lock across processes. Each concern is a module
// of its own; this composes them.
import { artifactQueries } from './artifacts';
import { creation } from './create-deployment';
import { deploymentQueries } from './deployments';
import type { Driver } from './driver';
import { eventQueries } from './events';
import { leaseQueries } from './leases';
import { migrate } from './migrate';
import type { Repository } from './repository';
import { secretQueries } from './secrets';
import { revisionQueries } from './sovereigns';

/** Migrates the database behind `d` and returns the Repository over it. */
export async function openSqlRepository(d: Driver): Promise<Repository> {
  await migrate(d);
  return {
    kind: d.kind,
    ...creation(d),
    ...deploymentQueries(d),
    ...revisionQueries(d),
    ...eventQueries(d),
    ...leaseQueries(d),
    ...secretQueries(d),
    ...artifactQueries(d),
    ping: async () => {
      await d.query('SELECT 1');
    },
    close: () => d.close(),
  };
}
