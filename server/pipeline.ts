// The deployment pipeline, run after the 201 by an in-process queue: render the Flux tree, write the
// OpenTofu inputs, commit both to the Sovereign's GitOps repository, list every component as pending
// in install order, then hand over to the executor. A deployment left unfinished by a crash is run
// again at startup: steps whose events are already recorded are skipped, the others are idempotent.
import type { FastifyBaseLogger } from 'fastify';
import { getComponent, isComponentId } from '../src/shared/constants/components';
import type { DeploymentStatus } from '../src/shared/constants/domain';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import { openSecret } from './crypto';
import type { PipelinePhase } from '../src/shared/schemas/api';
import type { NewEvent, Repository, StatusUpdate } from './db/repository';
import type { Executor } from './executor';
import {
  clearStaleLocks,
  commitTree,
  pushTree,
  repoPath,
  scrub,
  type RemoteConfig,
  type TreeFile,
} from './git';
import { parseStoredManifest } from './stored-manifest';
import { buildTofuInputs, TFVARS_PATH } from './tofu-inputs';

export interface PipelineDeps {
  repo: Repository;
  dataDir: string;
  secretKey: Buffer;
  render: (manifest: SovereignManifest) => readonly TreeFile[];
  executor: Executor;
  remote: RemoteConfig | undefined;
  log: FastifyBaseLogger;
  concurrency: number;
}

const ev = (e: Omit<NewEvent, 'time' | 'level'> & { level?: NewEvent['level'] }): NewEvent => ({
  time: new Date().toISOString(),
  level: 'info',
  ...e,
});

const ms = (t0: number) => Math.round(performance.now() - t0);

export class Pipeline {
  private readonly waiting: string[] = [];
  private readonly queued = new Set<string>();
  private running = 0;
  private closed = false;
  private readonly repoLocks = new Map<string, Promise<unknown>>();
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: PipelineDeps) {}

  /** Queues a deployment (once, however often it is asked). */
  enqueue(id: string): void {
    if (this.closed || this.queued.has(id)) return;
    this.queued.add(id);
    this.waiting.push(id);
    this.pump();
  }

  /** Queues every deployment a previous process left unfinished. */
  async resumeUnfinished(): Promise<number> {
    await clearStaleLocks(this.deps.dataDir);
    const ids = await this.deps.repo.listUnfinished();
    for (const id of ids) this.enqueue(id);
    return ids.length;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops starting jobs and waits for the running ones. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting.length = 0;
    await this.idle();
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

  /** Runs fn while holding the lock of one GitOps repository (commits to it are serialised). */
  private async withRepoLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.repoLocks.get(key) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    this.repoLocks.set(key, next);
    try {
      return await next;
    } finally {
      if (this.repoLocks.get(key) === next) this.repoLocks.delete(key);
    }
  }

  private async run(id: string): Promise<void> {
    const { repo, log } = this.deps;
    try {
      await this.steps(id);
    } catch (err) {
      const message = scrub(err instanceof Error ? err.message : String(err), [
        this.deps.remote?.token,
      ]);
      log.error({ deploymentId: id, err: message }, 'deployment pipeline failed');
      await repo
        .appendEvents(id, [ev({ phase: 'failed', level: 'error', message })], {
          status: 'failed',
          statusMessage: `The pipeline failed: ${message}`,
        })
        .catch((e: unknown) =>
          log.error({ deploymentId: id, err: String(e) }, 'cannot record failure'),
        );
    }
  }

  private async steps(id: string): Promise<void> {
    const { repo } = this.deps;
    const row = await repo.getDeployment(id);
    if (!row) return;
    const manifest = parseStoredManifest(row);
    const status = (s: DeploymentStatus, statusMessage: string, events: NewEvent[] = []) =>
      repo.appendEvents(id, events, { status: s, statusMessage });

    const done = row.status === 'pending' ? new Set<PipelinePhase>() : await this.recorded(id);
    if (row.status !== 'pending') {
      await repo.appendEvents(id, [
        ev({ phase: 'resume', message: `Resumed after a restart (was ${row.status})` }),
      ]);
    }
    if (!done.has('commit')) await this.renderAndCommit(id, manifest, done);
    if (!done.has('components')) await repo.appendEvents(id, componentEvents(manifest));
    const planned = this.deps.executor.planned();
    await status(
      planned.status,
      planned.message,
      done.has('ready') ? [] : [ev({ phase: 'ready', message: planned.message })],
    );
    await this.deps.executor.apply({
      deploymentId: id,
      sovereign: manifest.metadata.name,
      gitRepo: repoPath(this.deps.dataDir, manifest.metadata.name),
      secrets: () => this.secrets(id),
      report: async (events, s, m) => {
        await repo.appendEvents(id, events, s ? { status: s, statusMessage: m } : undefined);
      },
    });
  }

  /** Renders the tree and the OpenTofu inputs and commits both; events of recorded steps are not repeated. */
  private async renderAndCommit(
    id: string,
    manifest: SovereignManifest,
    done: ReadonlySet<PipelinePhase>,
  ): Promise<void> {
    const { repo } = this.deps;
    const once = (events: NewEvent[], update?: StatusUpdate) =>
      repo.appendEvents(
        id,
        events.filter((e) => !done.has(e.phase)),
        update,
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
    const tfvars = buildTofuInputs(manifest);
    await repo.putArtifact(id, TFVARS_PATH, tfvars);
    await once([
      ev({
        phase: 'tofu-inputs',
        message: `Wrote ${TFVARS_PATH} for ${manifest.spec.infrastructure.provider} (${manifest.spec.infrastructure.regions.length} region(s))`,
        durationMs: ms(t0),
      }),
    ]);

    await once([], { status: 'committing', statusMessage: 'Committing to the GitOps repository' });
    t0 = performance.now();
    const sha = await this.commit(manifest, id, [...files, { path: TFVARS_PATH, content: tfvars }]);
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

  private commit(manifest: SovereignManifest, id: string, files: TreeFile[]): Promise<string> {
    const name = manifest.metadata.name;
    const bare = repoPath(this.deps.dataDir, name);
    return this.withRepoLock(name, async () => {
      const { sha } = await commitTree(bare, files, `Sovereign ${name}: deployment ${id}`);
      if (this.deps.remote) await pushTree(bare, this.deps.remote, name);
      return sha;
    });
  }

  private async secrets(id: string): Promise<Record<string, Record<string, string>>> {
    const out: Record<string, Record<string, string>> = {};
    for (const [name, sealed] of await this.deps.repo.getSecrets(id)) {
      out[name] = JSON.parse(openSecret(this.deps.secretKey, id, name, sealed)) as Record<
        string,
        string
      >;
    }
    return out;
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
