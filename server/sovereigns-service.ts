// The Sovereigns service (issue #12): one Sovereign per name, an ordered list of revisions, each a
// deployment of that name (revision 1 is the first POST /deployments). Reads (list, one Sovereign,
// a revision's manifest) and creating a revision on a base (the checks, the summary; the kept
// secrets are in server/revision-secrets.ts, the commit message in server/revision.ts). No HTTP in
// here; failures are ApiErrors the routes' error handler writes as they are.
//
// The base rule: a revision is edited from the latest revision that did not fail (a failed
// revision, or one cancelled before it committed, never becomes a base: it left the previous
// commit in place). `baseRevision` must be exactly that revision (else 409 `stale_base`, naming
// it), and every revision must be final (nothing running) before the next is accepted (409
// `revision_in_progress`), so revisions commit and apply one after the other. Of concurrent
// submits on one base exactly one wins: the next revision number is unique per name in the
// database, the others get `stale_base`.
import { randomUUID } from 'node:crypto';
import { changeSummary, type ChangeSummary } from '../src/shared/lib/diff/index';
import { SOVEREIGN_NAME_PATTERN } from '../src/shared/constants/domain';
import { FINAL_STATUSES, type Problem } from '../src/shared/schemas/api';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import {
  STALE_BASE_CODE,
  type Revision,
  type RevisionCreated,
  type Sovereign,
  type SovereignList,
} from '../src/shared/schemas/sovereigns';
import { canonicalJson } from './canonical';
import { requestDigest } from './crypto';
import type { DeploymentRow, Repository } from './db/repository';
import {
  admit,
  created,
  idempotencyConflict,
  manifestFile,
  requireManifestBody,
  storeDeployment,
  type CreateDeps,
  type Download,
  type StoreInput,
} from './deployments-service';
import { ApiError } from './errors';
import { revisionSecrets } from './revision-secrets';
import { parseStoredManifest } from './stored-manifest';

/** At most this many Sovereigns are listed. */
const LIST_LIMIT = 1000;

const notFound = (name: string) =>
  new ApiError(404, 'not_found', `No Sovereign named "${name.slice(0, 100)}"`);

/** The API view of one revision. */
export function toRevision(row: DeploymentRow): Revision {
  return {
    revision: row.revision,
    deploymentId: row.id,
    baseRevision: row.baseRevision,
    status: row.status,
    commitSha: row.commitSha,
    summary: row.summary,
    createdAt: row.createdAt,
  };
}

/** Every revision of a Sovereign, ascending; 404 for an unknown or malformed name. */
async function revisionsOf(repo: Repository, name: string): Promise<DeploymentRow[]> {
  const rows = SOVEREIGN_NAME_PATTERN.test(name) ? await repo.listRevisions(name) : [];
  if (rows.length === 0) throw notFound(name);
  return rows;
}

/** The Sovereigns, most recently updated first. */
export async function listSovereigns(repo: Repository): Promise<SovereignList> {
  const rows = await repo.listSovereigns(LIST_LIMIT);
  return { sovereigns: rows.map((r) => ({ ...r })) };
}

/** One Sovereign with its revisions, ascending. */
export async function getSovereign(repo: Repository, name: string): Promise<Sovereign> {
  const rows = await revisionsOf(repo, name);
  return { name, revisions: rows.map(toRevision) };
}

/** The manifest of one revision, as GET /deployments/:id/manifest answers it (never secrets). */
export async function revisionManifest(
  repo: Repository,
  name: string,
  revision: number,
  format: 'json' | 'yaml',
): Promise<Download> {
  const row = SOVEREIGN_NAME_PATTERN.test(name)
    ? await repo.getRevision(name, revision)
    : undefined;
  if (!row) {
    throw new ApiError(404, 'not_found', `No revision ${revision} of "${name.slice(0, 100)}"`);
  }
  return manifestFile(row, format);
}

// ---- the base rule ----

/** A revision that can be a base: it did not fail, nor was cancelled before it committed. */
export const isBaseable = (row: DeploymentRow): boolean =>
  row.status !== 'failed' && !(row.status === 'cancelled' && row.commitSha === null);

/** The latest revision a new one may be based on (undefined: every revision failed). */
export function latestBase(rows: readonly DeploymentRow[]): DeploymentRow | undefined {
  return [...rows].reverse().find(isBaseable);
}

function staleBase(latest: number, base: number, why?: string): ApiError {
  return new ApiError(
    409,
    STALE_BASE_CODE,
    why ??
      `Revision ${latest} is newer than base ${base}: load revision ${latest} and apply your change again`,
    undefined,
    { latestRevision: latest },
  );
}

/**
 * Fields that cannot change after creation, as problems: the provider (another one is another
 * Sovereign) and the cloud location of a region that exists in both (moving it recreates its
 * cluster). Regions are matched by their manifest name (region-<n>).
 */
export function immutableProblems(base: SovereignManifest, next: SovereignManifest): Problem[] {
  const problems: Problem[] = [];
  const a = base.spec.infrastructure;
  const b = next.spec.infrastructure;
  if (a.provider !== b.provider) {
    problems.push({
      path: 'spec.infrastructure.provider',
      message: `cannot change after creation: this Sovereign runs on ${a.provider}; another provider is another Sovereign`,
    });
  }
  const before = new Map(a.regions.map((r) => [r.name, r]));
  b.regions.forEach((r, i) => {
    const old = before.get(r.name);
    if (old && old.cloudRegion !== r.cloudRegion) {
      problems.push({
        path: `spec.infrastructure.regions[${i}].cloudRegion`,
        message: `cannot change after creation: ${r.name} runs in ${old.cloudRegion}, and moving it would recreate its cluster; add a region instead`,
      });
    }
  });
  return problems;
}

// ---- create a revision ----

export interface RevisionQuery {
  baseRevision: number;
  keepSecrets: boolean;
}

export interface RevisionOutcome {
  /** False for an idempotent replay: nothing new was stored or queued. */
  created: boolean;
  revision: RevisionCreated;
}

const revisionCreated = (row: DeploymentRow): RevisionCreated => ({
  ...created(row),
  revision: row.revision,
});

/**
 * Creates revision latest+1 of Sovereign `name` from a body POST /deployments accepts, edited from
 * `query.baseRevision`. Checks, in order: 415 (not a manifest), 404 (unknown Sovereign), 400 (the
 * manifest's own problems, `metadata.name` not `name`), the idempotent replay (same key, same
 * request: 200 with the original), 400 `baseRevision` unknown, 409 `stale_base`, 409
 * `revision_in_progress`, 400 `immutable_field`, the secrets (kept ones with keepSecrets), then
 * the insert, whose unique (name, revision) makes all but one of concurrent submits `stale_base`.
 */
export async function createRevision(
  deps: CreateDeps,
  name: string,
  query: RevisionQuery,
  body: unknown,
  idempotencyKey: string | null,
): Promise<RevisionOutcome> {
  requireManifestBody(body);
  const rows = await revisionsOf(deps.repo, name);
  const requireSecrets = deps.requireSecrets ?? false;
  // With keepSecrets the needed ones may come from the base: checked once they are merged.
  const a = admit(body, requireSecrets && !query.keepSecrets);
  requireOwnName(a.manifest, name);
  const requestHash = revisionRequestHash(deps.secretKey, name, query, a.admitted);
  const replay = (row: DeploymentRow): RevisionOutcome => {
    if (row.requestHash !== requestHash) throw idempotencyConflict();
    return { created: false, revision: revisionCreated(row) };
  };
  if (idempotencyKey !== null) {
    const earlier = await findByKey(deps.repo, rows, idempotencyKey);
    if (earlier) return replay(earlier);
  }
  const baseRow = requireBase(rows, name, query.baseRevision);
  const baseManifest = parseStoredManifest(baseRow);
  requireImmutable(baseManifest, a.manifest);
  const secrets = await revisionSecrets(deps, query.keepSecrets, baseRow, a);
  const revision = (rows[rows.length - 1] as DeploymentRow).revision + 1;
  const result = await storeDeployment(deps, a, {
    id: randomUUID(),
    requestHash,
    idempotencyKey,
    revision,
    baseRevision: baseRow.revision,
    ...revisionRecord(name, revision, baseRow.revision, changeSummary(baseManifest, a.manifest)),
    ...secrets,
  });
  if (!result.created) {
    if (result.taken === 'idempotency-key') return replay(result.row);
    throw staleBase(result.row.revision, baseRow.revision);
  }
  deps.pipeline.enqueue(result.row.id);
  return { created: true, revision: revisionCreated(result.row) };
}

/** The digest an idempotent replay must match: the Sovereign, the query and the admitted manifest. */
function revisionRequestHash(
  key: Buffer,
  name: string,
  query: RevisionQuery,
  manifest: SovereignManifest,
): string {
  return requestDigest(
    key,
    canonicalJson({
      revisionOf: name,
      baseRevision: query.baseRevision,
      keepSecrets: query.keepSecrets,
      manifest,
    }),
  );
}

/** 400 unless the manifest names the Sovereign this revision is for. */
function requireOwnName(manifest: SovereignManifest, name: string): void {
  if (manifest.metadata.name === name) return;
  throw new ApiError(400, 'invalid_manifest', 'The manifest has 1 problem(s)', [
    {
      path: 'metadata.name',
      message: `must be "${name}", the Sovereign this revision is for (another name is another Sovereign: POST /api/v1/deployments)`,
    },
  ]);
}

/**
 * The base revision `baseRevision` names, if a new revision may be based on it: 400 when there is
 * no such revision, 409 `stale_base` when it is not the latest baseable one, 409
 * `revision_in_progress` while any revision is not final.
 */
function requireBase(
  rows: readonly DeploymentRow[],
  name: string,
  baseRevision: number,
): DeploymentRow {
  const latest = rows[rows.length - 1] as DeploymentRow;
  const baseRow = rows.find((r) => r.revision === baseRevision);
  if (!baseRow) {
    throw new ApiError(
      400,
      'bad_request',
      `baseRevision ${baseRevision} is not a revision of "${name}" (the latest is ${latest.revision})`,
      [{ path: 'baseRevision', message: `no such revision: 1 to ${latest.revision}` }],
    );
  }
  // When no revision is baseable (revision 1 failed, and any after it), the latest is the base.
  const eligible = latestBase(rows) ?? latest;
  if (eligible.revision > baseRow.revision) throw staleBase(eligible.revision, baseRow.revision);
  if (baseRow.revision > eligible.revision) {
    throw staleBase(
      eligible.revision,
      baseRow.revision,
      `Revision ${baseRow.revision} ${baseRow.status === 'failed' ? 'failed' : 'was cancelled before its commit'} and is no base: load revision ${eligible.revision} (the latest that did not fail) and apply your change again`,
    );
  }
  const running = rows.find((r) => !FINAL_STATUSES.includes(r.status));
  if (running) {
    throw new ApiError(
      409,
      'revision_in_progress',
      `Revision ${running.revision} is still running (status ${running.status}); wait until it is done, then base your change on it`,
      undefined,
      { latestRevision: running.revision },
    );
  }
  return baseRow;
}

/** 400 `immutable_field` when the manifest changes what cannot change after creation. */
function requireImmutable(base: SovereignManifest, next: SovereignManifest): void {
  const immutable = immutableProblems(base, next);
  if (immutable.length === 0) return;
  throw new ApiError(
    400,
    'immutable_field',
    `${immutable.length} field(s) cannot change after creation`,
    immutable,
  );
}

/** The summary and the validate line of revision `revision` of `name`, based on `base`. */
function revisionRecord(
  name: string,
  revision: number,
  base: number,
  change: ChangeSummary,
): Pick<StoreInput, 'summary' | 'validateEvents'> {
  return {
    summary: change.title,
    validateEvents: [
      {
        time: new Date().toISOString(),
        phase: 'validate',
        level: 'info',
        message: `Revision ${revision} of ${name}, based on revision ${base}: ${change.title}`,
      },
    ],
  };
}

/** The deployment an idempotency key created, among this Sovereign's revisions or elsewhere. */
async function findByKey(
  repo: Repository,
  rows: readonly DeploymentRow[],
  key: string,
): Promise<DeploymentRow | undefined> {
  const own = rows.find((r) => r.idempotencyKey === key);
  if (own) return own;
  // A key another submit used (another Sovereign's): a different request, 409 from the hash check.
  return repo.getDeploymentByKey(key);
}
