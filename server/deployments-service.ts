// The deployments service: what the API does, with no HTTP in it. Create (admission, then the row,
// sealed secrets and first events in one transaction, then the pipeline's queue), get, list (cursor
// pages), events after a seq, and the downloadable artifacts (manifest, GitOps archive, repository
// access). Plain functions over the repository, the pipeline and the config; failures are ApiErrors
// (status, code, sentence) that the routes' error handler writes as they are.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { deploymentApiPath, revisionsApiPath } from '../src/shared/constants/api-paths';
import { serializeManifest } from '../src/shared/lib/manifest/io';
import type {
  Deployment,
  DeploymentCreated,
  DeploymentEvent,
  DeploymentPage,
} from '../src/shared/schemas/api';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import type { RepositoryAccess } from './api-spec';
import { isManifestBody, type ManifestBody } from './body';
import { canonicalJson } from './canonical';
import { defaultPublicUrl, type Config } from './config';
import { requestDigest, sealSecret, type SealedSecret } from './crypto';
import type { CreateResult, DeploymentRow, NewEvent, Repository } from './db/repository';
import { ApiError } from './errors';
import { archiveCommit, repoPath } from './git';
import { GIT_READ_USERNAME, gitReadToken, repositoryUrlFor } from './git-credentials';
import { admitManifest, missingCredentials, PLAN_ONLY } from './manifest-check';
import type { Pipeline } from './pipeline';
import { parseStoredManifest } from './stored-manifest';

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The URLs of a deployment's resources. */
export function deploymentLinks(id: string) {
  return {
    self: deploymentApiPath(id),
    events: deploymentApiPath(id, 'events'),
    manifest: deploymentApiPath(id, 'manifest'),
    gitops: deploymentApiPath(id, 'gitops'),
  };
}

/** The API view of a stored deployment. */
export function toDeployment(row: DeploymentRow): Deployment {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    statusMessage: row.statusMessage,
    componentCount: row.componentCount,
    commit: row.commitSha,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    links: deploymentLinks(row.id),
    revision: row.revision,
  };
}

export const created = (row: DeploymentRow): DeploymentCreated => ({
  id: row.id,
  status: row.status,
  links: deploymentLinks(row.id),
});

/** A deployment by id; 404 for unknown or malformed ids (never a 400: ids are opaque). */
export async function getDeployment(repo: Repository, id: string): Promise<DeploymentRow> {
  const row = ID_PATTERN.test(id) ? await repo.getDeployment(id) : undefined;
  if (!row) throw new ApiError(404, 'not_found', 'No deployment with this id');
  return row;
}

// ---- create ----

export interface CreateDeps {
  repo: Repository;
  pipeline: Pick<Pipeline, 'enqueue'>;
  secretKey: Buffer;
  /**
   * Refuse a plan without the credentials it needs (400 naming `secrets.<name>.<key>`): true when
   * an executor will apply it. False: it is accepted as a plan only, and its status says so.
   */
  requireSecrets?: boolean;
}

export interface CreateOutcome {
  /** False for an idempotent replay (same key, same manifest): nothing new was stored or queued. */
  created: boolean;
  deployment: DeploymentCreated;
}

export function sealAll(key: Buffer, id: string, secrets: SovereignManifest['secrets']) {
  const sealed = new Map<string, SealedSecret>();
  for (const [name, values] of Object.entries(secrets ?? {})) {
    sealed.set(name, sealSecret(key, id, name, JSON.stringify(values)));
  }
  return sealed;
}

/** 415 unless the body is a manifest the body parsers read (JSON or YAML). */
export function requireManifestBody(body: unknown): asserts body is ManifestBody {
  if (!isManifestBody(body)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send the manifest as application/json or application/yaml',
    );
  }
}

/** An admitted manifest: its secret-free part, the secrets it carries, the admission's time. */
export interface Admitted {
  /** The manifest as admitted, with its `secrets` (what the request digest covers). */
  admitted: SovereignManifest;
  manifest: SovereignManifest;
  secrets: NonNullable<SovereignManifest['secrets']>;
  validateMs: number;
}

export function admit(body: ManifestBody, requireSecrets: boolean): Admitted {
  const t0 = performance.now();
  const admitted = admitManifest(body, { requireSecrets });
  const validateMs = Math.round(performance.now() - t0);
  const { secrets, ...manifest } = admitted;
  return { admitted, manifest, secrets: secrets ?? {}, validateMs };
}

/** What storeDeployment writes beyond the admitted manifest. */
export interface StoreInput {
  id: string;
  requestHash: string;
  idempotencyKey: string | null;
  /** Every secret to seal for this deployment (submitted, and for a revision kept ones). */
  secrets: NonNullable<SovereignManifest['secrets']>;
  revision: number;
  baseRevision: number | null;
  summary: string;
  /** Events after the manifest's `Manifest valid` one (a revision's own line). */
  validateEvents?: readonly NewEvent[];
  /** Appended to the persist event's sentence. */
  persistNote?: string;
}

/**
 * Seals the secrets and inserts the deployment with its validate/persist events in one
 * transaction (a taken idempotency key or (name, revision) is the result's `taken`).
 */
export async function storeDeployment(
  deps: CreateDeps,
  a: Admitted,
  input: StoreInput,
): Promise<CreateResult> {
  const { manifest, validateMs } = a;
  const missing = missingCredentials(manifest, Object.keys(input.secrets));
  const planOnly =
    missing.length > 0
      ? `${PLAN_ONLY} for ${missing.join(', ')} (no executor applies this plan, so none are needed)`
      : undefined;
  const t1 = performance.now();
  const sealed = sealAll(deps.secretKey, input.id, input.secrets);
  const now = new Date().toISOString();
  const events: NewEvent[] = [
    {
      time: now,
      phase: 'validate',
      level: 'info',
      message: `Manifest valid: ${manifest.spec.components.length} components, ${manifest.spec.infrastructure.regions.length} region(s)`,
      durationMs: validateMs,
    },
    ...(input.validateEvents ?? []),
    ...(planOnly
      ? [{ time: now, phase: 'validate' as const, level: 'warn' as const, message: planOnly }]
      : []),
    {
      time: now,
      phase: 'persist',
      level: 'info',
      message: `Stored the manifest and ${sealed.size} secret(s)${input.persistNote ?? ''}, encrypted with AES-256-GCM`,
      durationMs: Math.round(performance.now() - t1),
    },
  ];
  return deps.repo.createDeployment({
    id: input.id,
    name: manifest.metadata.name,
    status: 'pending',
    statusMessage: planOnly
      ? `Accepted. ${planOnly}; the pipeline will render and commit the GitOps tree`
      : 'Accepted; the pipeline will render and commit the GitOps tree',
    manifestJson: JSON.stringify(manifest),
    requestHash: input.requestHash,
    idempotencyKey: input.idempotencyKey,
    componentCount: manifest.spec.components.length,
    secrets: sealed,
    events,
    now,
    revision: input.revision,
    baseRevision: input.baseRevision,
    summary: input.summary,
  });
}

/** The 409 for a reused Idempotency-Key whose request differs. */
export const idempotencyConflict = () =>
  new ApiError(
    409,
    'idempotency_conflict',
    'This Idempotency-Key was already used with a different manifest',
  );

/** The 409 for a POST /deployments of a name that already has a deployment. */
export function sovereignExists(row: DeploymentRow): ApiError {
  const url = revisionsApiPath(row.name);
  return new ApiError(
    409,
    'sovereign_exists',
    `A Sovereign named "${row.name}" exists; change it with POST ${url}`,
    undefined,
    { existing: { id: row.id, name: row.name, status: row.status }, revisionsUrl: url },
  );
}

/**
 * Admits a submitted body (JSON or YAML, parsed by server/body.ts), stores it with its sealed
 * secrets and its validate/persist events in one transaction, and queues it for the pipeline.
 * With an idempotency key already used: the same manifest replays that deployment, another 409s.
 * A name that already has a deployment answers 409 `sovereign_exists` (one Sovereign per name:
 * changes are revisions, POST /sovereigns/:name/revisions); the database's unique (name,
 * revision) decides between concurrent first submits of one name.
 */
export async function createDeployment(
  deps: CreateDeps,
  body: unknown,
  idempotencyKey: string | null,
): Promise<CreateOutcome> {
  requireManifestBody(body);
  const a = admit(body, deps.requireSecrets ?? false);
  const requestHash = requestDigest(deps.secretKey, canonicalJson(a.admitted));
  const result = await storeDeployment(deps, a, {
    id: randomUUID(),
    requestHash,
    idempotencyKey,
    secrets: a.secrets,
    revision: 1,
    baseRevision: null,
    summary: 'Created',
  });
  const { row } = result;
  if (!result.created) {
    if (result.taken === 'revision') {
      const latest = (await deps.repo.listRevisions(row.name)).at(-1) ?? row;
      throw sovereignExists(latest);
    }
    if (row.requestHash !== requestHash) throw idempotencyConflict();
  } else {
    deps.pipeline.enqueue(row.id);
  }
  return { created: result.created, deployment: created(row) };
}

// ---- list, events ----

function decodeCursor(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(Buffer.from(raw, 'base64url').toString());
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ApiError(400, 'bad_request', 'cursor is not one this API returned');
  }
  return n;
}

/** A page of deployments, newest first; `cursor` is a `nextCursor` this API returned (400 otherwise). */
export async function listDeployments(
  repo: Repository,
  page: { limit: number; cursor?: string | undefined },
): Promise<DeploymentPage> {
  const result = await repo.listDeployments(page.limit, decodeCursor(page.cursor));
  return {
    items: result.rows.map(toDeployment),
    nextCursor:
      result.more && result.lastOrd !== undefined
        ? Buffer.from(String(result.lastOrd)).toString('base64url')
        : null,
  };
}

/** Up to `limit` events of a deployment with a seq above `afterSeq`, in order. */
export function eventsAfter(
  repo: Repository,
  id: string,
  afterSeq: number,
  limit: number,
): Promise<DeploymentEvent[]> {
  return repo.listEvents(id, afterSeq, limit);
}

// ---- artifacts ----

/** A file to download: its name, media type and bytes (or text). */
export interface Download {
  filename: string;
  type: string;
  body: string | Buffer;
}

/** The manifest as submitted, never with secrets, as YAML or JSON. */
export function manifestFile(row: DeploymentRow, format: 'json' | 'yaml'): Download {
  const manifest = parseStoredManifest(row);
  const json = format === 'json';
  return {
    filename: `${row.name}.sovereign.${format}`,
    type: json ? 'application/json' : 'application/yaml; charset=utf-8',
    body: serializeManifest(manifest, format, { includeSecrets: false }),
  };
}

/**
 * The GitOps tree exactly as the pipeline committed it (`git archive` of the deployment's commit,
 * under `<name>/`) as a gzip'd tar; 409 `not_committed` until that commit exists.
 */
export async function gitopsArchive(dataDir: string, row: DeploymentRow): Promise<Download> {
  if (!row.commitSha) {
    throw new ApiError(
      409,
      'not_committed',
      `The GitOps tree of this deployment is not committed yet (status ${row.status})`,
    );
  }
  const tarball = await archiveCommit(repoPath(dataDir, row.name), row.commitSha, `${row.name}/`);
  return {
    filename: `${row.name}-gitops.tar.gz`,
    type: 'application/gzip',
    body: gzipSync(tarball),
  };
}

export type RepositoryConfig = Pick<Config, 'host' | 'port' | 'publicUrl' | 'gitopsRemoteUrl'>;

/**
 * The repository a cluster of Sovereign `name` clones, and the credentials that open it. The URL
 * is PUBLIC_URL, or `http://HOST:PORT` with `localPort` (the port the request arrived on: with
 * PORT=0 only the listening socket knows it).
 */
export function repositoryAccess(
  deps: { secretKey: Buffer; config: RepositoryConfig },
  name: string,
  localPort: number,
): RepositoryAccess {
  const { config } = deps;
  const publicUrl = config.publicUrl ?? defaultPublicUrl(config.host, config.port || localPort);
  const where = repositoryUrlFor({ publicUrl, gitopsRemoteUrl: config.gitopsRemoteUrl }, name);
  // GITOPS_REMOTE_TOKEN is a push credential for the remote: never handed to clusters.
  if (where.served === 'remote') return { ...where, username: null, token: null };
  return { ...where, username: GIT_READ_USERNAME, token: gitReadToken(deps.secretKey, name) };
}
