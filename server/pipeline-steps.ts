// The steps of one pipeline run, in order: the resume note, render and commit, the components'
// `pending` lines, the planned status, then the executor. A resumed run skips the steps whose
// events are already recorded; the others are idempotent.
import type { PipelinePhase } from '../src/shared/schemas/api';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import type { NewEvent } from './db/repository';
import { executorContext } from './executor-context';
import type { Executor } from './executor-types';
import { planOnlyMessage } from './manifest-check';
import { renderAndCommit, type CommitScope } from './pipeline-commit';
import { componentEvents, ev, recordedPhases } from './pipeline-events';
import { seedTofuState } from './revision';
import { parseStoredManifest } from './stored-manifest';
import { plannedMessage } from './tofu-inputs';

/** What the steps of a run need: the pipeline's deps and this replica's lease. */
export interface RunScope extends CommitScope {
  secretKey: Buffer;
  executor: Executor;
  /** This replica's lease owner name. */
  owner: string;
}

/** Runs the steps of deployment `id` not yet recorded; every write is guarded by the lease. */
export async function runSteps(scope: RunScope, id: string, signal: AbortSignal): Promise<void> {
  const { repo } = scope;
  const row = await repo.getDeployment(id);
  if (!row) return;
  const manifest = parseStoredManifest(row);
  const done = row.status === 'pending' ? new Set<PipelinePhase>() : await recordedPhases(repo, id);
  if (row.status !== 'pending') {
    await repo.appendEvents(
      id,
      [ev({ phase: 'resume', message: `Resumed after a restart (was ${row.status})` })],
      { expect: scope.guard },
    );
  }
  if (!done.has('commit')) await renderAndCommit(scope, row, manifest, done);
  if (!done.has('components')) {
    await repo.appendEvents(id, componentEvents(manifest), { expect: scope.guard });
  }
  await reportPlanned(scope, id, manifest, done);
  if (scope.executor.kind === 'tofu') await seedTofuState(repo, scope.dataDir, row);
  await scope.executor.apply(
    executorContext({
      repo,
      dataDir: scope.dataDir,
      secretKey: scope.secretKey,
      owner: scope.owner,
      id,
      manifest,
      commitSha: (await repo.getDeployment(id))?.commitSha ?? null,
      signal,
    }),
  );
}

/** The executor's planned status and sentence (with what a plan-only deployment lacks). */
async function reportPlanned(
  scope: RunScope,
  id: string,
  manifest: SovereignManifest,
  done: ReadonlySet<PipelinePhase>,
): Promise<void> {
  const { repo } = scope;
  const executorPlan = scope.executor.planned();
  const message = planOnlyMessage(
    manifest,
    (await repo.getSecrets(id)).keys(),
    plannedMessage(manifest, id, executorPlan),
  );
  const events: NewEvent[] = done.has('ready') ? [] : [ev({ phase: 'ready', message })];
  await repo.appendEvents(id, events, {
    status: executorPlan.status,
    statusMessage: message,
    expect: scope.guard,
  });
}
