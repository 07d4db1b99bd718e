// Retries of a pipeline step's transient failures (EMFILE, ENOSPC, busy database, git lock:
// retry.ts) with backoff, each retry told as a guarded warn event.
import type { FastifyBaseLogger } from 'fastify';
import { GuardError, type Repository, type StatusUpdate } from './db/repository';
import type { RemoteConfig } from './git';
import { ev, failureText } from './pipeline-events';
import { withRetry, type RetryOptions } from './retry';

/** Default retry policy: 8 tries, 200 ms doubling to at most 10 s (about 23 s in all at worst). */
export const DEFAULT_RETRY = { attempts: 8, baseMs: 200, maxMs: 10_000 } as const;

/** What a retried step needs of its run. */
export interface RetryScope {
  repo: Repository;
  log: FastifyBaseLogger;
  remote: RemoteConfig | undefined;
  /** Tries and backoff for transient failures of the artifact write and the commit (retry.ts). */
  retry?: Pick<RetryOptions, 'attempts' | 'baseMs' | 'maxMs'>;
  /** The guard of every write of a run: this replica's lease, and a status that is not final. */
  guard: NonNullable<StatusUpdate['expect']>;
}

/**
 * Runs fn, retrying transient failures with backoff; each retry is told as a warn event. The
 * `resume` phase is used for it, as it marks no step done (a resumed run still redoes the step
 * that was being retried). That event is guarded like every write of the run: a replica that lost
 * its lease (or a final status) appends nothing and stops retrying at once (the GuardError ends
 * the run); any other failure to record it is only logged, the retry goes on.
 */
export function retrying<T>(
  scope: RetryScope,
  id: string,
  what: string,
  fn: () => Promise<T>,
): Promise<T> {
  const policy = scope.retry ?? DEFAULT_RETRY;
  return withRetry(fn, {
    ...policy,
    onRetry: async (err, attempt, delayMs) => {
      const reason = failureText(err, scope.remote);
      scope.log.warn({ deploymentId: id, attempt, delayMs, err: reason }, 'retrying');
      await scope.repo
        .appendEvents(
          id,
          [
            ev({
              phase: 'resume',
              level: 'warn',
              message: `Retrying ${what} in ${delayMs} ms (attempt ${attempt + 1} of ${policy.attempts}) after a transient failure: ${reason}`,
            }),
          ],
          { expect: scope.guard },
        )
        .catch((e: unknown) => {
          if (e instanceof GuardError) throw e;
          scope.log.warn({ deploymentId: id, err: String(e) }, 'cannot record a retry');
        });
    },
  });
}
