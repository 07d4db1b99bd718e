// The deployment pipeline, run after the 201 by an in-process queue: render the Flux tree, write the
// OpenTofu inputs, commit both to the Sovereign's GitOps repository, list every component as pending
// in install order, then hand over to the executor. A deployment left unfinished by a crash is run
// again at startup: steps whose events are already recorded are skipped, the others are idempotent.
import { FINAL_STATUSES } from '../src/shared/schemas/api';
import { GuardError } from './db/repository';
import { SHUTDOWN } from './executor-context';
import { sweepTempTrees } from './git';
import { defaultLeaseMs, defaultOwner, keepLease } from './pipeline-lease';
import { ev, failureText } from './pipeline-events';
import { runSteps, type RunScope } from './pipeline-steps';

/** What a run needs (RunScope, but the lease and its guard) and the queue's settings. */
export interface PipelineDeps extends Omit<RunScope, 'guard' | 'owner' | 'leaseMs'> {
  concurrency: number;
  /**
   * How long a claimed deployment stays this replica's without a heartbeat (default
   * PIPELINE_LEASE_MS or 30 s); renewed every third of it, taken over by a peer once expired.
   */
  leaseMs?: number;
  /** This replica's lease owner name (default host:pid:random). */
  owner?: string;
}

/** At most this many claimable deployments are queued by one sweep. */
const SWEEP_BATCH = 100;

export class Pipeline {
  private readonly waiting: string[] = [];
  /** The runs of this replica: their cancel and a promise of their end. */
  private readonly active = new Map<string, { abort: AbortController; ended: Promise<void> }>();
  private readonly queued = new Set<string>();
  private running = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  /** The lease owner name of this replica (host:pid:random). */
  readonly owner: string;
  readonly leaseMs: number;
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping = false;
  /** What each run gets: the deps, this replica's lease, and the guard of its writes. */
  private readonly scope: RunScope;

  constructor(private readonly deps: PipelineDeps) {
    this.owner = deps.owner ?? defaultOwner();
    this.leaseMs = deps.leaseMs ?? defaultLeaseMs();
    // Every write of a run is guarded: this replica's lease, and a status that is not final.
    const guard = { leaseOwner: this.owner, notIn: FINAL_STATUSES };
    this.scope = { ...deps, owner: this.owner, leaseMs: this.leaseMs, guard };
  }

  /** Queues a deployment (once, however often it is asked). */
  enqueue(id: string): void {
    if (this.closed || this.queued.has(id)) return;
    this.queued.add(id);
    this.waiting.push(id);
    this.pump();
  }

  /**
   * Queues every unfinished deployment no replica holds a live lease on (a previous process left
   * it, or its replica died and the lease expired); a running peer's work is left alone. Stale git
   * locks are cleared per repository, under its lock, when a deployment commits (see commit).
   */
  async resumeUnfinished(): Promise<number> {
    const swept = await sweepTempTrees(this.deps.dataDir);
    if (swept.removed || swept.failed) this.deps.log.info(swept, 'temporary work trees swept');
    return this.sweep();
  }

  /** Queues claimable deployments (unleased or expired) not already queued here; returns how many. */
  async sweep(): Promise<number> {
    if (this.closed) return 0;
    const ids = await this.deps.repo.listClaimable(SWEEP_BATCH);
    let queued = 0;
    for (const id of ids) {
      if (this.queued.has(id)) continue;
      this.enqueue(id);
      queued++;
    }
    return queued;
  }

  /** Sweeps every half lease period, so expired work of a dead peer is taken over. */
  startSweeping(everyMs = Math.max(250, Math.floor(this.leaseMs / 2))): void {
    if (this.sweepTimer || this.closed) return;
    this.sweepTimer = setInterval(() => {
      if (this.sweeping) return;
      this.sweeping = true;
      this.sweep()
        .catch((err: unknown) => this.deps.log.warn({ err: String(err) }, 'lease sweep failed'))
        .finally(() => {
          this.sweeping = false;
        });
    }, everyMs);
    this.sweepTimer.unref();
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops starting jobs and waits for the running ones. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
    // Queued, not yet claimed: nothing to release; a peer (or the next start) picks them up.
    for (const id of this.waiting) this.queued.delete(id);
    this.waiting.length = 0;
    // A running executor (tofu) stops at a safe point; the deployment stays unfinished and resumes.
    for (const run of this.active.values()) run.abort.abort(SHUTDOWN);
    await this.idle();
  }

  /**
   * Asks this replica's run of a deployment to stop (the tofu executor sends OpenTofu SIGINT and
   * records `cancelled`) and waits up to `waitMs` for it to end; false when it does not run here.
   */
  async cancel(id: string, waitMs: number): Promise<boolean> {
    const run = this.active.get(id);
    if (!run) return false;
    run.abort.abort('cancel');
    await Promise.race([run.ended, new Promise((r) => setTimeout(r, waitMs).unref())]);
    return true;
  }

  private pump(): void {
    while (this.running < this.deps.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift() as string;
      this.running++;
      void this.run(id).finally(() => {
        this.running--;
        this.queued.delete(id);
        this.pump();
        if (this.running === 0 && this.waiting.length === 0) {
          for (const w of this.idleWaiters.splice(0)) w();
        }
      });
    }
  }

  /**
   * Claims the deployment's lease (skipped when a peer holds it or it is final), runs it with a
   * heartbeat renewing the lease, and releases it. Every write is guarded by the lease and the
   * current status, so a run that lost its lease to a peer stops at its next write (GuardError).
   */
  private async run(id: string): Promise<void> {
    const { repo, log } = this.deps;
    let claimed: boolean;
    try {
      claimed = await repo.claim(id, this.owner, this.leaseMs);
    } catch (err) {
      log.warn({ deploymentId: id, err: String(err) }, 'cannot claim deployment; a sweep retries');
      return;
    }
    if (!claimed) return;
    let ended = () => {};
    const abort = new AbortController();
    this.active.set(id, { abort, ended: new Promise<void>((r) => (ended = r)) });
    const stopHeartbeat = keepLease(this.deps, id, this.owner, this.leaseMs);
    try {
      await runSteps(this.scope, id, abort.signal);
    } catch (err) {
      if (err instanceof GuardError) {
        log.warn({ deploymentId: id, err: err.message }, 'deployment taken over or final; stopped');
        return;
      }
      const message = failureText(err, this.deps.remote);
      log.error({ deploymentId: id, err: message }, 'deployment pipeline failed');
      await repo
        .appendEvents(id, [ev({ phase: 'failed', level: 'error', message })], {
          status: 'failed',
          statusMessage: `The pipeline failed: ${message}`,
          expect: this.scope.guard,
        })
        .catch((e: unknown) =>
          log.error({ deploymentId: id, err: String(e) }, 'cannot record failure'),
        );
    } finally {
      stopHeartbeat();
      await repo
        .release(id, this.owner)
        .catch((e: unknown) => log.warn({ deploymentId: id, err: String(e) }, 'cannot release'));
      this.active.delete(id);
      ended();
    }
  }
}
