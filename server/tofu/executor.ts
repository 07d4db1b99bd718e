// EXECUTOR=tofu: applies a deployment's committed OpenTofu module. A working copy of infra/<provider>
// at the deployment's commit, `tofu init`, `tofu plan -out -json`, `tofu apply -json <plan>` with
// the state in DATA_DIR/state/<deployment> (so a restart continues from it), the `-json` stream as
// progress events, secrets only as TF_VAR_* in OpenTofu's environment, the outputs recorded (the
// kubeconfigs sealed), then the watch of every cluster's HelmReleases until all are Ready. The
// kubeconfig of a cluster comes from a `kubeconfigs` output when the module has one, else from the
// cloud-init callback (server/tofu/callback.ts): one token per cluster, only in
// TF_VAR_kubeconfig_callback_tokens, and the run waits until the cluster has PUT its kubeconfig.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { DeploymentStatus } from '../../src/shared/constants/domain';
import { planManifest } from '../../src/shared/lib/placement';
import { hasTofuModule, planOnlySentence } from '../../src/shared/lib/tofu';
import { GuardError, type NewEvent } from '../db/repository';
import type { Executor, ExecutorContext } from '../executor';
import { SHUTDOWN } from '../executor-context';
import { scrub } from '../git';
import {
  HttpClusterWatcher,
  kubeconfigAccess,
  type ClusterAccess,
  type ClusterWatcher,
} from './cluster-watch';
import { kubeconfigArtifact } from './callback';
import type { TofuSettings } from './config';
import { callbackInputs, collectKubeconfigs } from './kubeconfigs';
import { clusterOutputs, describeCluster, publicOutputs, secretVariables } from './outputs';
import { runTofu } from './process';
import {
  ApplyProgress,
  describeDiagnostic,
  parseTofuLine,
  summariseDiagnostics,
  type TofuDiagnostic,
  type TofuOutput,
} from './stream';
import { describeNotReady, watchClusters } from './watch-clusters';
import { checkoutModule, PLAN_FILE, resourcesInState, stateDir, tofuEnvironment } from './workdir';

export interface TofuExecutorDeps {
  settings: TofuSettings;
  dataDir: string;
  log: FastifyBaseLogger;
  /** The server's environment (allow-listed variables pass to OpenTofu). */
  env?: NodeJS.ProcessEnv;
  watcherFor?: (access: ClusterAccess) => ClusterWatcher;
  /** Where clusters reach this API: the base of the kubeconfig callback (none: no callback). */
  publicUrl?: () => string;
}

type Phase = NewEvent['phase'];
const ev = (phase: Phase, message: string, extra: Partial<NewEvent> = {}): NewEvent => ({
  time: new Date().toISOString(),
  phase,
  level: 'info',
  message,
  ...extra,
});

/** A tofu command that exited non-zero: its diagnostics, summarised. */
class StepFailed extends Error {
  constructor(
    readonly step: string,
    readonly summary: string,
    readonly diagnostics: readonly TofuDiagnostic[],
  ) {
    super(`tofu ${step} failed: ${summary}`);
  }
}
class Cancelled extends Error {}

/** Where the run is, for the final sentence. */
interface RunState {
  dir: string;
  progress: ApplyProgress;
  secrets: string[];
  /** The kubeconfig callback's base URL handed to the module, or undefined (no callback). */
  callbackUrl: string | undefined;
}

export class TofuExecutor implements Executor {
  readonly kind = 'tofu' as const;
  private readonly watcherFor: (access: ClusterAccess) => ClusterWatcher;

  constructor(private readonly deps: TofuExecutorDeps) {
    this.watcherFor = deps.watcherFor ?? ((a) => new HttpClusterWatcher(a));
  }

  planned(): { status: DeploymentStatus; message: string } {
    return {
      status: 'provisioning',
      message:
        'The plan is written; the tofu executor (EXECUTOR=tofu) runs OpenTofu on the committed module next.',
    };
  }

  async apply(ctx: ExecutorContext): Promise<void> {
    const provider = ctx.manifest.spec.infrastructure.provider;
    if (!hasTofuModule(provider)) {
      const msg = `${planOnlySentence(provider)} The GitOps repository is written; the tofu executor has nothing to apply.`;
      await ctx.report([ev('ready', msg, { level: 'warn' })], 'ready-to-apply', msg);
      return;
    }
    const abort = linkCancel(ctx);
    const run: RunState = {
      dir: stateDir(this.deps.dataDir, ctx.deploymentId),
      progress: new ApplyProgress(),
      secrets: [],
      callbackUrl: undefined,
    };
    let remove: (() => Promise<void>) | undefined;
    try {
      if (!ctx.commitSha) throw new Error('the deployment has no commit to apply');
      await mkdir(run.dir, { recursive: true, mode: 0o700 });
      const vars = secretVariables(ctx.manifest, await ctx.secrets(), ctx.gitopsToken());
      const callback = await callbackInputs(ctx, this.deps.publicUrl?.(), vars);
      run.callbackUrl = callback?.url;
      run.secrets = [...Object.values(vars), ...(callback?.tokens ?? [])];
      const wc = await checkoutModule({
        dataDir: this.deps.dataDir,
        bare: ctx.gitRepo,
        sha: ctx.commitSha,
        provider,
        statePath: path.join(run.dir, 'terraform.tfstate'),
        tfvars: callback?.tfvars,
        onCleanupError: (err, dir) =>
          this.deps.log.warn({ dir, err: String(err) }, 'cannot remove a tofu working copy'),
      });
      remove = wc.remove;
      const env = tofuEnvironment(this.deps.env ?? process.env, run.dir, vars);
      const outputs = await this.tofu(ctx, wc.moduleDir, env, abort.signal, run);
      await remove();
      remove = undefined;
      await this.watch(ctx, outputs, abort.signal, run);
    } catch (err) {
      // The working copy goes before the final status, so a finished run has left none behind.
      await remove?.();
      remove = undefined;
      await this.finish(ctx, err, abort.signal, run);
    } finally {
      abort.dispose();
      await remove?.();
    }
  }

  /** init, plan, apply and output; resolves with `tofu output -json`. */
  private async tofu(
    ctx: ExecutorContext,
    cwd: string,
    env: NodeJS.ProcessEnv,
    signal: AbortSignal,
    run: RunState,
  ): Promise<Record<string, TofuOutput>> {
    const where = `DATA_DIR/state/${ctx.deploymentId}`;
    const recorded = resourcesInState(run.dir);
    const resume =
      recorded > 0
        ? ` Resuming from the OpenTofu state kept in ${where} (${recorded} resource(s) already recorded): plan and apply continue from it.`
        : '';
    await ctx.report(
      [
        ev(
          'tofu-init',
          `Running OpenTofu on infra/${ctx.manifest.spec.infrastructure.provider} at ${ctx.commitSha?.slice(0, 12)}.${resume}`,
        ),
      ],
      'tofu-applying',
      `OpenTofu is initialising the module.${resume}`,
    );
    await this.step(ctx, 'tofu-init', 'init', ['init', '-input=false', '-no-color'], {
      cwd,
      env,
      signal,
      run,
    });
    const plan = path.join(run.dir, PLAN_FILE);
    await this.step(
      ctx,
      'tofu-plan',
      'plan',
      ['plan', '-input=false', '-lock-timeout=2m', `-out=${plan}`, '-json'],
      { cwd, env, signal, run },
    );
    await ctx.report(
      [],
      'tofu-applying',
      `OpenTofu is applying the plan: ${run.progress.total} change(s).`,
    );
    await this.step(
      ctx,
      'tofu-apply',
      'apply',
      ['apply', '-input=false', '-lock-timeout=2m', '-json', plan],
      { cwd, env, signal, run },
    );
    const lines: string[] = [];
    await this.step(ctx, 'tofu-outputs', 'output', ['output', '-json'], {
      cwd,
      env,
      signal,
      run,
      raw: lines,
    });
    try {
      return JSON.parse(lines.join('\n')) as Record<string, TofuOutput>;
    } catch {
      throw new StepFailed('output', '`tofu output -json` did not print JSON', []);
    }
  }

  /** One tofu command: its -json lines as events, its diagnostics kept; throws on failure or cancel. */
  private async step(
    ctx: ExecutorContext,
    phase: Phase,
    name: string,
    args: string[],
    o: { cwd: string; env: NodeJS.ProcessEnv; signal: AbortSignal; run: RunState; raw?: string[] },
  ): Promise<void> {
    if (o.signal.aborted) throw new Cancelled();
    const t0 = performance.now();
    const diagnostics: TofuDiagnostic[] = [];
    const { report, flushed } = batched((events) => ctx.report(events));
    const result = await runTofu({
      bin: this.deps.settings.bin,
      args,
      cwd: o.cwd,
      env: o.env,
      signal: o.signal,
      graceMs: this.deps.settings.cancelGraceMs,
      onLine: (line) => {
        if (o.raw) return void o.raw.push(line);
        const msg = parseTofuLine(line);
        if (!msg) return;
        if (msg.type === 'diagnostic') {
          diagnostics.push(msg.diagnostic);
          const text = scrub(describeDiagnostic(msg.diagnostic), o.run.secrets);
          report(
            ev(phase, text, { level: msg.diagnostic.severity === 'error' ? 'error' : 'warn' }),
          );
          return;
        }
        const text = o.run.progress.onMessage(msg);
        if (text) report(ev(phase, text));
      },
    });
    await flushed();
    if (result.interrupted || o.signal.aborted) throw new Cancelled();
    if (result.code !== 0) {
      const summary =
        summariseDiagnostics(diagnostics) ||
        result.tail.slice(-3).join(' ') ||
        `exit code ${result.code ?? result.signal}`;
      throw new StepFailed(name, scrub(summary, o.run.secrets), diagnostics);
    }
    await ctx.report([
      ev(phase, `tofu ${name} done`, { durationMs: Math.round(performance.now() - t0) }),
    ]);
  }

  /** Records the outputs, then watches every cluster's HelmReleases until all are Ready. */
  private async watch(
    ctx: ExecutorContext,
    outputs: Record<string, TofuOutput>,
    signal: AbortSignal,
    run: RunState,
  ): Promise<void> {
    const clusters = clusterOutputs(outputs);
    await ctx.store('tofu-outputs.json', JSON.stringify(publicOutputs(outputs), null, 2));
    for (const c of clusters)
      if (c.kubeconfig)
        await ctx.store(kubeconfigArtifact(c.cluster), c.kubeconfig, { sensitive: true });
    await ctx.report(clusters.map((c) => ev('tofu-outputs', describeCluster(c))));
    const plan = planManifest(ctx.manifest);
    const deadline = Date.now() + this.deps.settings.watchTimeoutMs;
    const kubeconfigs = await collectKubeconfigs({
      ctx,
      names: plan.clusters.map((c) => c.name),
      fromOutputs: (name) => clusters.find((c) => c.cluster === name)?.kubeconfig,
      callbackUrl: run.callbackUrl,
      signal,
      deadline,
      timeoutMs: this.deps.settings.watchTimeoutMs,
      pollMs: Math.min(Math.max(this.deps.settings.watchRetryMs, 50), 2000),
      waiting: (names) =>
        ctx.report(
          names.map((n) =>
            ev('cluster-watch', `Waiting for ${n} to report its kubeconfig (cloud-init)…`),
          ),
          'flux-bootstrapping',
          'The cloud resources exist; cloud-init is installing k3s, Cilium and Flux, and Flux pulls the tree. Waiting for each cluster’s HelmReleases.',
        ),
      arrived: (names) =>
        ctx.report(
          names.map((n) => ev('cluster-watch', `${n} reported its kubeconfig (cloud-init)`)),
        ),
    });
    const watched = plan.clusters.map((pc) => ({
      name: pc.name,
      watcher: this.watcherFor(kubeconfigAccess(kubeconfigs.get(pc.name) ?? '')),
      expected: pc.components,
    }));
    const total = watched.reduce((n, c) => n + c.expected.length, 0);
    await ctx.report([
      ev('cluster-watch', `Waiting for ${total} HelmReleases on ${watched.length} cluster(s)`),
    ]);
    let watching = false;
    const { report, flushed } = batched((events) => {
      if (watching) return ctx.report(events);
      watching = true;
      const msg = `Flux is installing the components on ${watched.length} cluster(s).`;
      return ctx.report(events, 'phase1-watching', msg);
    });
    const result = await watchClusters({
      clusters: watched,
      timeoutMs: Math.max(1, deadline - Date.now()),
      retryMs: this.deps.settings.watchRetryMs,
      signal,
      onChange: (c) =>
        report(
          ev('cluster-watch', c.message, {
            component: c.component,
            state: c.state,
            level: c.state === 'failed' ? 'warn' : 'info',
          }),
        ),
      onError: (cluster, err) =>
        this.deps.log.info(
          { deploymentId: ctx.deploymentId, cluster, err: String(err) },
          'cluster API not reachable yet',
        ),
    });
    await flushed();
    if (signal.aborted) throw new Cancelled();
    if (!result.ready) {
      const mins = Math.round(this.deps.settings.watchTimeoutMs / 60_000);
      throw new Error(
        `timed out after ${mins || '<1'} min waiting for the HelmReleases; still not ready: ${describeNotReady(result.notReady)}`,
      );
    }
    const msg = `The Sovereign is up: all ${total} HelmReleases are Ready on ${watched.length} cluster(s).`;
    await ctx.report([ev('cluster-watch', msg)], 'ready', msg);
  }

  /** The final status of a run that did not reach `ready`: cancelled, or failed in plain words. */
  private async finish(
    ctx: ExecutorContext,
    err: unknown,
    signal: AbortSignal,
    run: RunState,
  ): Promise<void> {
    if (err instanceof GuardError) throw err;
    const aborted = signal.aborted;
    if (aborted && signal.reason === SHUTDOWN) {
      // The server is stopping: OpenTofu stopped at a safe point; the next start resumes the run.
      this.deps.log.warn(
        { deploymentId: ctx.deploymentId },
        'tofu run stopped for shutdown; it resumes at the next start',
      );
      return;
    }
    const kept = `The OpenTofu state (${resourcesInState(run.dir)} resource(s)) and the last plan are kept in DATA_DIR/state/${ctx.deploymentId}; a retry plans again from that state.`;
    try {
      if (aborted || err instanceof Cancelled) {
        const msg = `Cancelled: OpenTofu was asked to stop (SIGINT) and stopped at a safe point after ${run.progress.done} of ${run.progress.total || '?'} change(s). ${kept}`;
        await ctx.report([ev('cancelled', msg, { level: 'warn' })], 'cancelled', msg);
        return;
      }
      const what =
        err instanceof StepFailed
          ? `OpenTofu ${err.step} failed: ${err.summary}`
          : `The tofu executor failed: ${scrub(err instanceof Error ? err.message : String(err), run.secrets)}`;
      const msg = `${what}. ${kept}`;
      await ctx.report([ev('failed', msg, { level: 'error' })], 'failed', msg);
    } catch (e) {
      // A cancel recorded by another replica (status already cancelled): nothing more to write.
      if (!(e instanceof GuardError)) throw e;
      this.deps.log.warn(
        { deploymentId: ctx.deploymentId, err: e.message },
        'tofu run ended after its deployment became final',
      );
    }
  }
}

/** An AbortController aborted by the context's signal or, polled every second, a cancelled status. */
function linkCancel(ctx: ExecutorContext): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const onAbort = () => ac.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  if (ctx.signal.aborted) onAbort();
  const poll = setInterval(() => {
    ctx.isCancelled().then(
      (c) => c && ac.abort('cancel'),
      () => undefined,
    );
  }, 1000);
  poll.unref();
  return {
    signal: ac.signal,
    dispose: () => {
      clearInterval(poll);
      ctx.signal.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Events written in order, many per write: while one write runs, the next ones gather and go in
 * the following one (a run makes hundreds; one transaction each would be slow on fsync'd SQLite).
 */
function batched(write: (events: NewEvent[]) => Promise<void>) {
  let pending: NewEvent[] = [];
  let chain = Promise.resolve();
  let scheduled = false;
  return {
    report(e: NewEvent) {
      pending.push(e);
      if (scheduled) return;
      scheduled = true;
      chain = chain.then(() => {
        scheduled = false;
        const events = pending;
        pending = [];
        return write(events);
      });
    },
    flushed: () => chain,
  };
}
