// What happens after the plan is written. An executor runs OpenTofu against the cloud and watches
// Flux bring the components up; EXECUTOR selects one. The only one in this build is `none`: the
// deployment stops at `ready-to-apply` and says so, and never pretends a cluster exists.
import type { DeploymentStatus } from '../src/shared/constants/domain';
import type { ExecutorKind } from './config';
import type { NewEvent } from './db/repository';

export interface ExecutorContext {
  deploymentId: string;
  sovereign: string;
  /** The bare GitOps repository the plan was committed to. */
  gitRepo: string;
  /** Decrypted secret values by secretRef name and key, for the apply step only. */
  secrets(): Promise<Record<string, Record<string, string>>>;
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

/** The executor EXECUTOR names (config has already refused unknown names). */
export function createExecutor(kind: ExecutorKind): Executor {
  switch (kind) {
    case 'none':
      return noneExecutor;
  }
}
