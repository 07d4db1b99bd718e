// EXECUTOR=tofu: applies a deployment's committed OpenTofu module. A working copy of infra/<provider>
// at the deployment's commit, `tofu init`, `tofu plan -out -json`, `tofu apply -json <plan>` with
// the state in DATA_DIR/state/<deployment> (so a restart continues from it), the `-json` stream as
// progress events, secrets only as TF_VAR_* in OpenTofu's environment, the outputs recorded (the
// kubeconfigs sealed), then the watch of every cluster's HelmReleases until all are Ready. The
// kubeconfig of a cluster comes from a `kubeconfigs` output when the module has one, else from the
// cloud-init callback (server/tofu/callback.ts): one token per cluster, only in
// TF_VAR_kubeconfig_callback_tokens, and the run waits until the cluster has PUT its kubeconfig.
// The phases: plan-apply.ts, read-outputs.ts and watch-phase.ts; what they share: run.ts.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { DeploymentStatus } from '../../src/shared/constants/domain';
import { hasTofuModule, planOnlySentence } from '../../src/shared/lib/tofu';
import { GuardError } from '../db/repository';
import { SHUTDOWN } from '../executor-context';
import type { Executor, ExecutorContext } from '../executor-types';
import { scrub } from '../git';
import { HttpClusterWatcher, type ClusterAccess, type ClusterWatcher } from './cluster-watch';
import type { TofuSettings } from './config';
import { callbackInputs } from './kubeconfigs';
import { secretVariables } from './outputs';
import { planAndApply } from './plan-apply';
import { readOutputs, recordOutputs } from './read-outputs';
import { Cancelled, ev, linkCancel, StepFailed, type RunState } from './run';
import { ApplyProgress, type TofuOutput } from './stream';
import { watchSovereign } from './watch-phase';
import { checkoutModule, resourcesInState, STATE_FILE, stateDir, tofuEnvironment } from './workdir';

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
      const { vars, tfvars } = await this.inputs(ctx, run);
      const wc = await checkoutModule({
        dataDir: this.deps.dataDir,
        bare: ctx.gitRepo,
        sha: ctx.commitSha,
        provider,
        statePath: path.join(run.dir, STATE_FILE),
        tfvars,
        onCleanupError: (err, dir) =>
          this.deps.log.warn({ dir, err: String(err) }, 'cannot remove a tofu working copy'),
      });
      remove = wc.remove;
      const env = tofuEnvironment(this.deps.env ?? process.env, run.dir, vars);
      const o = { settings: this.deps.settings, cwd: wc.moduleDir, env, signal: abort.signal, run };
      await planAndApply(ctx, o);
      const outputs = await readOutputs(ctx, o);
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

  /**
   * The state directory made, the TF_VAR_* values (secrets, the GitOps token, the callback
   * tokens) and the callback's tfvars; every secret value is kept in `run` to scrub messages.
   */
  private async inputs(
    ctx: ExecutorContext,
    run: RunState,
  ): Promise<{ vars: Record<string, string>; tfvars: Record<string, string> | undefined }> {
    await mkdir(run.dir, { recursive: true, mode: 0o700 });
    const vars = secretVariables(
      ctx.manifest,
      await ctx.secrets(),
      ctx.gitopsToken(),
      this.deps.settings.powerdnsApiKey,
    );
    const callback = await callbackInputs(ctx, this.deps.publicUrl?.(), vars);
    run.callbackUrl = callback?.url;
    run.secrets = [...Object.values(vars), ...(callback?.tokens ?? [])];
    return { vars, tfvars: callback?.tfvars };
  }

  /** Records the outputs, then watches every cluster's HelmReleases until all are Ready. */
  private async watch(
    ctx: ExecutorContext,
    outputs: Record<string, TofuOutput>,
    signal: AbortSignal,
    run: RunState,
  ): Promise<void> {
    const clusters = await recordOutputs(ctx, outputs);
    await watchSovereign(ctx, clusters, {
      settings: this.deps.settings,
      log: this.deps.log,
      watcherFor: this.watcherFor,
      signal,
      callbackUrl: run.callbackUrl,
    });
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
