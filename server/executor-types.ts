// The contract between the pipeline and an executor (server/executor.ts picks one): what an
// executor is, and the context a run hands it. Types only, so both sides import it freely.
import type { DeploymentStatus } from '../src/shared/constants/domain';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import type { ExecutorKind } from './config';
import type { NewEvent } from './db/repository';

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
