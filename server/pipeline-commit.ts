// The render and commit steps of a pipeline run: the Flux tree rendered, the OpenTofu inputs
// written, both committed to the Sovereign's GitOps repository (and pushed to its remote) under
// the Sovereign's lock. Events of steps a resumed run finds recorded are not repeated.
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import type { PipelinePhase } from '../src/shared/schemas/api';
import type { DeploymentRow, NewEvent, StatusUpdate } from './db/repository';
import { clearStaleLocks, commitTree, pushTree, repoPath, tmpRoot, type TreeFile } from './git';
import { ev, ms } from './pipeline-events';
import { retrying, type RetryScope } from './pipeline-retry';
import { commitMessage, revisionChange } from './revision';
import { buildTofuInputs } from './tofu-inputs';

/** What the render and commit steps need of their run. */
export interface CommitScope extends RetryScope {
  dataDir: string;
  render: (manifest: SovereignManifest) => readonly TreeFile[];
  /** The lease period: a git lock file older than it is a killed writer's. */
  leaseMs: number;
}

/** Appends the events not yet recorded (and the update), guarded. */
type Once = (events: NewEvent[], update?: StatusUpdate) => Promise<unknown>;

/** Renders the tree and the OpenTofu inputs and commits both; events of recorded steps are not repeated. */
export async function renderAndCommit(
  scope: CommitScope,
  row: DeploymentRow,
  manifest: SovereignManifest,
  done: ReadonlySet<PipelinePhase>,
): Promise<void> {
  const { repo } = scope;
  const { id } = row;
  const once: Once = (events, update) =>
    repo.appendEvents(
      id,
      events.filter((e) => !done.has(e.phase)),
      { ...update, expect: scope.guard },
    );
  await once([], {
    status: 'rendering',
    statusMessage: 'Rendering the Flux tree and OpenTofu inputs',
  });
  let t0 = performance.now();
  const files = scope.render(manifest);
  await once([
    ev({ phase: 'render', message: `Rendered ${files.length} Flux files`, durationMs: ms(t0) }),
  ]);

  t0 = performance.now();
  const infra = buildTofuInputs(manifest, files, id);
  await retrying(scope, id, 'writing the OpenTofu inputs', () =>
    repo.putArtifact(id, infra.path, infra.content),
  );
  await once([
    ev({
      phase: 'tofu-inputs',
      message: infra.message,
      durationMs: ms(t0),
    }),
  ]);
  await commitStep(scope, row, manifest, [...files, ...infra.files], once);
}

/** The commit step: the revision's message, the commit (retried), its sha recorded. */
async function commitStep(
  scope: CommitScope,
  row: DeploymentRow,
  manifest: SovereignManifest,
  files: TreeFile[],
  once: Once,
): Promise<void> {
  await once([], { status: 'committing', statusMessage: 'Committing to the GitOps repository' });
  const t0 = performance.now();
  const message = commitMessage(row, await revisionChange(scope.repo, row, manifest));
  const sha = await retrying(scope, row.id, 'the commit', () =>
    commit(scope, manifest, message, files),
  );
  await once(
    [
      ev({
        phase: 'commit',
        message: `Committed ${sha.slice(0, 12)} to ${manifest.metadata.name}.git${scope.remote ? ' and pushed it' : ''}`,
        durationMs: ms(t0),
      }),
    ],
    { commitSha: sha },
  );
}

/**
 * Commits the whole tree on top of the branch head (a revision's parent is the commit before it)
 * as one commit: the tree is written and the commit object made first, then the branch moves by
 * one compare-and-swap `git update-ref`; a failure or a kill before it leaves the head as it was.
 */
function commit(
  scope: CommitScope,
  manifest: SovereignManifest,
  message: string,
  files: TreeFile[],
): Promise<string> {
  const name = manifest.metadata.name;
  const bare = repoPath(scope.dataDir, name);
  // The Sovereign's lock across replicas (PostgreSQL advisory lock; in-process on SQLite).
  return scope.repo.withLock(`sovereign:${name}`, async () => {
    await clearStaleGitLocks(scope, bare);
    const { sha } = await commitTree(bare, files, message, {
      tmpDir: tmpRoot(scope.dataDir),
      onCleanupError: (err, dir) =>
        scope.log.warn({ dir, err: String(err) }, 'cannot remove a temporary work tree'),
    });
    if (scope.remote) await pushTree(bare, scope.remote, name);
    return sha;
  });
}

/**
 * Holding the Sovereign's lock, no live git process of any replica writes its repository: lock
 * files older than a lease period are a killed writer's and are removed; younger ones are waited
 * for until they are that old (a peer on a shared DATA_DIR may have just lost its lease).
 */
async function clearStaleGitLocks(scope: CommitScope, bare: string): Promise<void> {
  for (;;) {
    const { removed, waitMs } = await clearStaleLocks(bare, scope.leaseMs);
    if (removed) scope.log.warn({ repo: bare, removed }, 'stale git locks removed');
    if (waitMs === 0) return;
    await new Promise((r) => setTimeout(r, Math.min(waitMs, 1000)));
  }
}
