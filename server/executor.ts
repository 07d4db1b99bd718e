// What happens after the plan is written. An executor runs OpenTofu against the cloud and watches
// Flux bring the components up; EXECUTOR selects one. `none` (the default) stops at
// `ready-to-apply` and says so, never pretending a cluster exists; `tofu` (server/tofu/) runs
// `tofu init`, `plan` and `apply` on the committed module and watches the new clusters.
import type { FastifyBaseLogger } from 'fastify';
import type { DeploymentStatus } from '../src/shared/constants/domain';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import type { Config, ExecutorKind } from './config';
import type { NewEvent } from './db/repository';
import { TofuExecutor } from './tofu/executor';

export interface ExecutorContext {
  deploymentId: string;
  sovereign: string;
  manifest: SovereignManifest;
  /** The commit the plan was written in (what the executor checks out). */
  commitSha: string | null;
  /** The bare GitOps repository the plan was committed to. */
  gitRepo: string;
  /** Aborted when this replica is asked to cancel the run (POST …/:id/cancel). */
  signal: AbortSignal;
  /** True once the deployment's status is `cancelled` (a cancel that reached another replica). */
  isCancelled(): Promise<boolean>;
  /** Decrypted secret values by secretRef name and key, for the apply step only. */
  secrets(): Promise<Record<string, Record<string, string>>>;
  /** The read token of the Sovereign's GitOps repository (TF_VAR_gitops_token). */
  gitopsToken(): string;
  /** Stores a run's artifact; `sensitive` ones (a kubeconfig) sealed with AES-256-GCM like secrets. */
  store(name: string, content: string, opts?: { sensitive?: boolean }): Promise<void>;
  /** Reads a run's artifact back (a sealed one opened), or undefined when there is none. */
  load(name: string, opts?: { sensitive?: boolean }): Promise<string | undefined>;
  /** The kubeconfig callback token of one cluster (server/tofu/callback.ts); never stored. */
  callbackToken(cluster: string): string;
  /** Records progress (events and status changes) durably. */
  report(
    events: readonly NewEvent[],
    status?: DeploymentStatus,
    statusMessage?: string,
  ): Promise<void>;
}

export interface Executor {
  readonly kind: ExecutorKind;
  /** Status and sentence for a deployment whose GitOps tree and OpenTofu inputs are written. */
  planned(): { status: DeploymentStatus; message: string };
  /** Applies the plan (tofu apply, flux bootstrap, watch); resolves when the deployment is final. */
  apply(ctx: ExecutorContext): Promise<void>;
}

export const READY_TO_APPLY_MESSAGE =
  'The plan is ready to apply: the GitOps repository and OpenTofu inputs are written. ' +
  'No executor is configured (EXECUTOR=none), so no cloud resources have been created; ' +
  'run `tofu apply` in infra/ and bootstrap Flux from the repository to provision the Sovereign.';

/** The executor that applies nothing: the plan is the end result. */
export const noneExecutor: Executor = {
  kind: 'none',
  planned: () => ({ status: 'ready-to-apply', message: READY_TO_APPLY_MESSAGE }),
  apply: async () => undefined,
};

/**
 * The executor EXECUTOR names (config has already refused unknown names and a missing tofu); a
 * bare kind is enough for `none`.
 */
export function createExecutor(
  config: ExecutorKind | Pick<Config, 'executor' | 'tofu' | 'dataDir'>,
  log?: FastifyBaseLogger,
  /** Where clusters reach this API (PUBLIC_URL or its default): the kubeconfig callback's base. */
  publicUrl?: () => string,
): Executor {
  const c =
    typeof config === 'string' ? { executor: config, tofu: undefined, dataDir: '' } : config;
  switch (c.executor) {
    case 'none':
      return noneExecutor;
    case 'tofu':
      if (!c.tofu || !log) throw new Error('EXECUTOR=tofu needs its settings and a logger');
      return new TofuExecutor({ settings: c.tofu, dataDir: c.dataDir, log, publicUrl });
  }
}
