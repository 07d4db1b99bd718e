// What happens after the plan is written. An executor runs OpenTofu against the cloud and watches
// Flux bring the components up; EXECUTOR selects one. `none` (the default) stops at
// `ready-to-apply` and says so, never pretending a cluster exists; `tofu` (server/tofu/) runs
// `tofu init`, `plan` and `apply` on the committed module and watches the new clusters. The
// interfaces are in server/executor-types.ts.
import type { FastifyBaseLogger } from 'fastify';
import type { Config, ExecutorKind } from './config';
import type { Executor } from './executor-types';
import { TofuExecutor } from './tofu/executor';

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
