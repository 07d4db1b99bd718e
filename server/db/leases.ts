// Which replica runs a deployment: leases in the database's own time, and per-key locks.
import type { Driver } from './driver';
import type { Repository } from './repository';
import { FINAL, statusNotIn } from './sql';

/** A lease_until value as ISO time: SQLite keeps epoch ms, PostgreSQL a timestamptz. */
function isoTime(v: Date | number | string | null): string | null {
  if (v === null) return null;
  return (v instanceof Date ? v : new Date(Number(v))).toISOString();
}

type LeaseQueries = Pick<
  Repository,
  'claim' | 'renew' | 'release' | 'listClaimable' | 'getLease' | 'releaseAll' | 'withLock'
>;

export function leaseQueries(d: Driver): LeaseQueries {
  return {
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
  };
}
