// The deployment pipeline, run after the 201 by an in-process queue: render the Flux tree, write the
// OpenTofu inputs, commit both to the Sovereign's GitOps repository, list every component as pending
// in install order, then hand over to the executor. A deployment left unfinished by a crash is run
// again at startup: steps whose events are already recorded are skipped, the others are idempotent.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { getComponent, isComponentId } from '../src/shared/constants/components';
import type { DeploymentStatus } from '../src/shared/constants/domain';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import { FINAL_STATUSES, type PipelinePhase } from '../src/shared/schemas/api';
import {
  GuardError,
  type DeploymentRow,
  type NewEvent,
  type Repository,
  type StatusUpdate,
} from './db/repository';
import type { Executor } from './executor';
import { executorContext, SHUTDOWN } from './executor-context';
import {
  clearStaleLocks,
  commitTree,
  pushTree,
  repoPath,
  scrub,
  sweepTempTrees,
  tmpRoot,
  type RemoteConfig,
  type TreeFile,
} from './git';
import { planOnlyMessage } from './manifest-check';
import { withRetry, type RetryOptions } from './retry';
import { commitMessage, revisionChange } from './sovereigns-service';
import { parseStoredManifest } from './stored-manifest';
import { STATE_FILE, stateDir } from './tofu/workdir';
import { buildTofuInputs, plannedMessage } from './tofu-inputs';

export interface PipelineDeps {
  repo: Repository;
  dataDir: string;
  secretKey: Buffer;
  render: (manifest: SovereignManifest) => readonly TreeFile[];
  executor: Executor;
  remote: RemoteConfig | undefined;
  log: FastifyBaseLogger;
  concurrency: number;
  /** Tries and backoff for transient failures of the artifact write and the commit (retry.ts). */
  retry?: Pick<RetryOptions, 'attempts' | 'baseMs' | 'maxMs'>;
  /**
   * How long a claimed deployment stays this replica's without a heartbeat (default
   * PIPELINE_LEASE_MS or 30 s); renewed every third of it, taken over by a peer once expired.
   */
  leaseMs?: number;
  /** This replica's lease owner name (default host:pid:random). */
  owner?: string;
}

/** Default lease period: PIPELINE_LEASE_MS (1 s to 1 h), else 30 s. */
export function defaultLeaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PIPELINE_LEASE_MS;
  const n = raw === undefined || raw === '' ? 30_000 : Number(raw);
  if (!Number.isInteger(n) || n < 1000 || n > 3_600_000) {
    throw new Error(`PIPELINE_LEASE_MS must be an integer from 1000 to 3600000 (got "${raw}")`);
  }
  return n;
}

/** At most this many claimable deployments are queued by one sweep. */
const SWEEP_BATCH = 100;

/** Default retry policy: 8 tries, 200 ms doubling to at most 10 s (about 23 s in all at worst). */
export const DEFAULT_RETRY = { attempts: 8, baseMs: 200, maxMs: 10_000 } as const;

const ev = (e: Omit<NewEvent, 'time' | 'level'> & { level?: NewEvent['level'] }): NewEvent => ({
  time: new Date().toISOString(),
  level: 'info',
  ...e,
});

const ms = (t0: number) => Math.round(performance.now() - t0);

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

  constructor(private readonly deps: PipelineDeps) {
    this.owner = deps.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = deps.leaseMs ?? defaultLeaseMs();
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

  /** The guard of every write of a run: this replica's lease, and a status that is not final. */
  private get guard(): NonNullable<StatusUpdate['expect']> {
    return { leaseOwner: this.owner, notIn: FINAL_STATUSES };
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
    const heartbeat = setInterval(
      () => {
        repo
          .renew(id, this.owner, this.leaseMs)
          .then((held) => {
            if (!held) log.warn({ deploymentId: id }, 'lease lost to another replica');
          })
          .catch((err: unknown) =>
            log.warn({ deploymentId: id, err: String(err) }, 'lease renewal failed'),
          );
      },
      Math.max(100, Math.floor(this.leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      await this.steps(id, abort.signal);
    } catch (err) {
      if (err instanceof GuardError) {
        log.warn({ deploymentId: id, err: err.message }, 'deployment taken over or final; stopped');
        return;
      }
      const message = scrub(err instanceof Error ? err.message : String(err), [
        this.deps.remote?.token,
      ]);
      log.error({ deploymentId: id, err: message }, 'deployment pipeline failed');
      await repo
        .appendEvents(id, [ev({ phase: 'failed', level: 'error', message })], {
          status: 'failed',
          statusMessage: `The pipeline failed: ${message}`,
          expect: this.guard,
        })
        .catch((e: unknown) =>
          log.error({ deploymentId: id, err: String(e) }, 'cannot record failure'),
        );
    } finally {
      clearInterval(heartbeat);
      await repo
        .release(id, this.owner)
        .catch((e: unknown) => log.warn({ deploymentId: id, err: String(e) }, 'cannot release'));
      this.active.delete(id);
      ended();
    }
  }

  private async steps(id: string, signal: AbortSignal): Promise<void> {
    const { repo } = this.deps;
    const row = await repo.getDeployment(id);
    if (!row) return;
    const manifest = parseStoredManifest(row);
    const status = (s: DeploymentStatus, statusMessage: string, events: NewEvent[] = []) =>
      repo.appendEvents(id, events, { status: s, statusMessage, expect: this.guard });

    const done = row.status === 'pending' ? new Set<PipelinePhase>() : await this.recorded(id);
    if (row.status !== 'pending') {
      await repo.appendEvents(
        id,
        [ev({ phase: 'resume', message: `Resumed after a restart (was ${row.status})` })],
        { expect: this.guard },
      );
    }
    if (!done.has('commit')) await this.renderAndCommit(row, manifest, done);
    if (!done.has('components')) {
      await repo.appendEvents(id, componentEvents(manifest), { expect: this.guard });
    }
    const executorPlan = this.deps.executor.planned();
    const planned = {
      ...executorPlan,
      message: planOnlyMessage(
        manifest,
        (await repo.getSecrets(id)).keys(),
        plannedMessage(manifest, id, executorPlan),
      ),
    };
    await status(
      planned.status,
      planned.message,
      done.has('ready') ? [] : [ev({ phase: 'ready', message: planned.message })],
    );
    if (this.deps.executor.kind === 'tofu') await this.seedTofuState(row);
    await this.deps.executor.apply(
      executorContext({
        repo,
        dataDir: this.deps.dataDir,
        secretKey: this.deps.secretKey,
        owner: this.owner,
        id,
        manifest,
        commitSha: (await repo.getDeployment(id))?.commitSha ?? null,
        signal,
      }),
    );
  }

  /** Renders the tree and the OpenTofu inputs and commits both; events of recorded steps are not repeated. */
  private async renderAndCommit(
    row: DeploymentRow,
    manifest: SovereignManifest,
    done: ReadonlySet<PipelinePhase>,
  ): Promise<void> {
    const { repo } = this.deps;
    const { id } = row;
    const once = (events: NewEvent[], update?: StatusUpdate) =>
      repo.appendEvents(
        id,
        events.filter((e) => !done.has(e.phase)),
        { ...update, expect: this.guard },
      );
    await once([], {
      status: 'rendering',
      statusMessage: 'Rendering the Flux tree and OpenTofu inputs',
    });
    let t0 = performance.now();
    const files = this.deps.render(manifest);
    await once([
      ev({ phase: 'render', message: `Rendered ${files.length} Flux files`, durationMs: ms(t0) }),
    ]);

    t0 = performance.now();
    const infra = buildTofuInputs(manifest, files, id);
    await this.retrying(id, 'writing the OpenTofu inputs', () =>
      repo.putArtifact(id, infra.path, infra.content),
    );
    await once([
      ev({
        phase: 'tofu-inputs',
        message: infra.message,
        durationMs: ms(t0),
      }),
    ]);

    await once([], { status: 'committing', statusMessage: 'Committing to the GitOps repository' });
    t0 = performance.now();
    const message = commitMessage(row, await revisionChange(repo, row, manifest));
    const sha = await this.retrying(id, 'the commit', () =>
      this.commit(manifest, message, [...files, ...infra.files]),
    );
    await once(
      [
        ev({
          phase: 'commit',
          message: `Committed ${sha.slice(0, 12)} to ${manifest.metadata.name}.git${this.deps.remote ? ' and pushed it' : ''}`,
          durationMs: ms(t0),
        }),
      ],
      { commitSha: sha },
    );
  }

  /**
   * Runs fn, retrying transient failures (EMFILE, ENOSPC, busy database, git lock: retry.ts) with
   * backoff; each retry is told as a warn event. The `resume` phase is used for it, as it marks no
   * step done (a resumed run still redoes the step that was being retried). That event is guarded
   * like every write of the run: a replica that lost its lease (or a final status) appends nothing
   * and stops retrying at once (the GuardError ends the run); any other failure to record it is
   * only logged, the retry goes on.
   */
  private retrying<T>(id: string, what: string, fn: () => Promise<T>): Promise<T> {
    const policy = this.deps.retry ?? DEFAULT_RETRY;
    return withRetry(fn, {
      ...policy,
      onRetry: async (err, attempt, delayMs) => {
        const reason = scrub(err instanceof Error ? err.message : String(err), [
          this.deps.remote?.token,
        ]);
        this.deps.log.warn({ deploymentId: id, attempt, delayMs, err: reason }, 'retrying');
        await this.deps.repo
          .appendEvents(
            id,
            [
              ev({
                phase: 'resume',
                level: 'warn',
                message: `Retrying ${what} in ${delayMs} ms (attempt ${attempt + 1} of ${policy.attempts}) after a transient failure: ${reason}`,
              }),
            ],
            { expect: this.guard },
          )
          .catch((e: unknown) => {
            if (e instanceof GuardError) throw e;
            this.deps.log.warn({ deploymentId: id, err: String(e) }, 'cannot record a retry');
          });
      },
    });
  }

  /** The phases a deployment has already recorded events for (what a resumed run skips). */
  private async recorded(id: string): Promise<Set<PipelinePhase>> {
    const phases = new Set<PipelinePhase>();
    for (let after = 0; ;) {
      const page = await this.deps.repo.listEvents(id, after, 1000);
      for (const e of page) phases.add(e.phase);
      const last = page.at(-1);
      if (!last) return phases;
      after = last.seq;
    }
  }

  /**
   * Commits the whole tree on top of the branch head (a revision's parent is the commit before it)
   * as one commit: the tree is written and the commit object made first, then the branch moves by
   * one compare-and-swap `git update-ref`; a failure or a kill before it leaves the head as it was.
   */
  private commit(manifest: SovereignManifest, message: string, files: TreeFile[]): Promise<string> {
    const name = manifest.metadata.name;
    const bare = repoPath(this.deps.dataDir, name);
    // The Sovereign's lock across replicas (PostgreSQL advisory lock; in-process on SQLite).
    return this.deps.repo.withLock(`sovereign:${name}`, async () => {
      await this.clearStaleGitLocks(bare);
      const { sha } = await commitTree(bare, files, message, {
        tmpDir: tmpRoot(this.deps.dataDir),
        onCleanupError: (err, dir) =>
          this.deps.log.warn({ dir, err: String(err) }, 'cannot remove a temporary work tree'),
      });
      if (this.deps.remote) await pushTree(bare, this.deps.remote, name);
      return sha;
    });
  }

  /**
   * EXECUTOR=tofu keeps a state per deployment (DATA_DIR/state/<id>); a revision after the first
   * starts from the state of the latest earlier revision that has one (what OpenTofu last
   * recorded of this Sovereign's infrastructure), so its plan is the change from there, not a
   * second copy of everything. Copied once: a resumed or retried run keeps its own state.
   */
  private async seedTofuState(row: DeploymentRow): Promise<void> {
    if (row.revision <= 1) return;
    const target = path.join(stateDir(this.deps.dataDir, row.id), STATE_FILE);
    if (existsSync(target)) return;
    const earlier = (await this.deps.repo.listRevisions(row.name))
      .filter((r) => r.revision < row.revision)
      .reverse();
    for (const r of earlier) {
      const source = path.join(stateDir(this.deps.dataDir, r.id), STATE_FILE);
      if (!existsSync(source)) continue;
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await copyFile(source, target);
      return;
    }
  }

  /**
   * Holding the Sovereign's lock, no live git process of any replica writes its repository: lock
   * files older than a lease period are a killed writer's and are removed; younger ones are waited
   * for until they are that old (a peer on a shared DATA_DIR may have just lost its lease).
   */
  private async clearStaleGitLocks(bare: string): Promise<void> {
    for (;;) {
      const { removed, waitMs } = await clearStaleLocks(bare, this.leaseMs);
      if (removed) this.deps.log.warn({ repo: bare, removed }, 'stale git locks removed');
      if (waitMs === 0) return;
      await new Promise((r) => setTimeout(r, Math.min(waitMs, 1000)));
    }
  }
}

/** One `pending` event per component, in install order. */
function componentEvents(manifest: SovereignManifest): NewEvent[] {
  return manifest.spec.installOrder.map((cid, i) => {
    const name = isComponentId(cid) ? getComponent(cid).name : cid;
    return ev({
      phase: 'components',
      component: cid,
      state: 'pending',
      message: `${i + 1}/${manifest.spec.installOrder.length} ${name}: pending until Flux reconciles it on the cluster`,
    });
  });
}
