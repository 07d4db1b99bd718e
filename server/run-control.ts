// Cancel and retry of a deployment's run (POST …/:id/cancel, …/:id/retry). A cancel stops the run
// this replica holds (the tofu executor sends OpenTofu SIGINT, then SIGKILL after the grace period,
// and records `cancelled`); a run elsewhere, or none yet, is cancelled in the database, and the
// replica running it sees the status within a second and stops OpenTofu the same way. A retry of a
// failed or cancelled deployment queues it again: the steps already recorded are skipped and
// OpenTofu plans again from the state kept in DATA_DIR/state/<deployment>.
import { DEPLOYMENT_STATUSES, type DeploymentStatus } from '../src/shared/constants/domain';
import type { Deployment } from '../src/shared/schemas/api';
import { FINAL_STATUSES } from '../src/shared/schemas/api';
import { GuardError, type Repository } from './db/repository';
import { getDeployment, toDeployment } from './deployments-service';
import { ApiError } from './errors';
import type { Pipeline } from './pipeline';

export interface RunControlDeps {
  repo: Repository;
  pipeline: Pick<Pipeline, 'cancel' | 'enqueue'>;
  /** How long a cancel waits for this replica's run to stop before answering. */
  cancelWaitMs: number;
}

const now = () => new Date().toISOString();

export async function cancelDeployment(deps: RunControlDeps, id: string): Promise<Deployment> {
  const row = await getDeployment(deps.repo, id);
  if (FINAL_STATUSES.includes(row.status)) {
    throw new ApiError(
      409,
      'not_cancellable',
      `Nothing to cancel: the deployment is ${row.status}`,
    );
  }
  await deps.pipeline.cancel(id, deps.cancelWaitMs);
  const after = await getDeployment(deps.repo, id);
  if (after.status === 'cancelled') return toDeployment(after);
  const message =
    'Cancelled on request. A running OpenTofu is asked to stop at a safe point (SIGINT, SIGKILL after the grace period); its state is kept for a retry.';
  try {
    await deps.repo.appendEvents(
      id,
      [{ time: now(), phase: 'cancelled', level: 'warn', message }],
      { status: 'cancelled', statusMessage: message, expect: { notIn: FINAL_STATUSES } },
    );
  } catch (err) {
    if (!(err instanceof GuardError)) throw err;
    const final = await getDeployment(deps.repo, id);
    if (final.status !== 'cancelled') {
      throw new ApiError(
        409,
        'not_cancellable',
        `Nothing to cancel: the deployment is ${final.status}`,
      );
    }
  }
  return toDeployment(await getDeployment(deps.repo, id));
}

/** Statuses a retry starts from. */
const RETRYABLE: readonly DeploymentStatus[] = ['failed', 'cancelled'];

export async function retryDeployment(deps: RunControlDeps, id: string): Promise<Deployment> {
  const row = await getDeployment(deps.repo, id);
  if (!RETRYABLE.includes(row.status)) {
    throw new ApiError(
      409,
      'not_retryable',
      `Only a failed or cancelled deployment is retried (this one is ${row.status})`,
    );
  }
  // A revision runs again only while it is its Sovereign's latest: retrying an older one would
  // commit its tree over the newer revisions' (make a new revision from it instead).
  const latest = (await deps.repo.listRevisions(row.name)).at(-1);
  if (latest && latest.revision > row.revision) {
    throw new ApiError(
      409,
      'not_retryable',
      `Revision ${row.revision} is not the latest of ${row.name} (${latest.revision} is): create a new revision from it instead`,
    );
  }
  const message = `Retry requested (was ${row.status}): the recorded steps are skipped and OpenTofu plans again from the kept state.`;
  try {
    await deps.repo.appendEvents(id, [{ time: now(), phase: 'resume', level: 'info', message }], {
      status: 'provisioning',
      statusMessage: message,
      // Only from failed or cancelled: every other status refuses (a concurrent retry loses).
      expect: { notIn: DEPLOYMENT_STATUSES.filter((s) => !RETRYABLE.includes(s)) },
    });
  } catch (err) {
    if (err instanceof GuardError)
      throw new ApiError(409, 'not_retryable', 'The deployment changed meanwhile; reload it');
    throw err;
  }
  deps.pipeline.enqueue(id);
  return toDeployment(await getDeployment(deps.repo, id));
}
