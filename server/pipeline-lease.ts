// The lease a replica holds on a deployment it runs: its default period and owner name, and the
// heartbeat that renews it every third of the period while the run lasts.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Repository } from './db/repository';

/** Default lease period: PIPELINE_LEASE_MS (1 s to 1 h), else 30 s. */
export function defaultLeaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PIPELINE_LEASE_MS;
  const n = raw === undefined || raw === '' ? 30_000 : Number(raw);
  if (!Number.isInteger(n) || n < 1000 || n > 3_600_000) {
    throw new Error(`PIPELINE_LEASE_MS must be an integer from 1000 to 3600000 (got "${raw}")`);
  }
  return n;
}

/** A lease owner name unique to this process: host:pid:random. */
export const defaultOwner = (): string =>
  `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Renews the lease on `id` every third of `leaseMs` (at least 100 ms); returns its stop. */
export function keepLease(
  deps: { repo: Pick<Repository, 'renew'>; log: FastifyBaseLogger },
  id: string,
  owner: string,
  leaseMs: number,
): () => void {
  const { repo, log } = deps;
  const heartbeat = setInterval(
    () => {
      repo
        .renew(id, owner, leaseMs)
        .then((held) => {
          if (!held) log.warn({ deploymentId: id }, 'lease lost to another replica');
        })
        .catch((err: unknown) =>
          log.warn({ deploymentId: id, err: String(err) }, 'lease renewal failed'),
        );
    },
    Math.max(100, Math.floor(leaseMs / 3)),
  );
  heartbeat.unref();
  return () => clearInterval(heartbeat);
}
