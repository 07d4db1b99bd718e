// Submitting deployments and reading them back: create (idempotent), list, get, manifest, gitops.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deployment, DeploymentCreated } from '../../src/shared/schemas/api';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';
import { canonicalJson } from '../canonical';
import { requestDigest, sealSecret, type SealedSecret } from '../crypto';
import type { DeploymentRow, NewEvent, Repository } from '../db/repository';
import { ApiError } from '../errors';
import { isManifestBody } from '../body';
import { admitManifest, missingCredentials, PLAN_ONLY } from '../manifest-check';
import type { Pipeline } from '../pipeline';
import { deploymentLinks, sendGitopsArchive, sendManifest } from './deployment-files';

export interface DeploymentRoutesOptions {
  repo: Repository;
  pipeline: Pipeline;
  secretKey: Buffer;
  /** Where the Sovereigns' GitOps repositories live (DATA_DIR). */
  dataDir: string;
  rateLimit: { max: number; timeWindow: string } | false;
  /**
   * Refuse a plan without the credentials it needs (400 naming `secrets.<name>.<key>`): true when
   * an executor will apply it. False: it is accepted as a plan only, and its status says so.
   */
  requireSecrets?: boolean;
}

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

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
  };
}

const created = (row: DeploymentRow): DeploymentCreated => ({
  id: row.id,
  status: row.status,
  links: deploymentLinks(row.id),
});

/** Loads a deployment by the `:id` route parameter; 404 for unknown or malformed ids. */
export async function findDeployment(
  repo: Repository,
  req: FastifyRequest,
): Promise<DeploymentRow> {
  const { id } = req.params as { id: string };
  const row = ID_PATTERN.test(id) ? await repo.getDeployment(id) : undefined;
  if (!row) throw new ApiError(404, 'not_found', 'No deployment with this id');
  return row;
}

function idempotencyKey(req: FastifyRequest): string | null {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(raw)) {
    throw new ApiError(
      400,
      'bad_request',
      'Idempotency-Key must be 1 to 255 visible ASCII characters',
    );
  }
  return raw;
}

function sealAll(key: Buffer, id: string, secrets: SovereignManifest['secrets']) {
  const sealed = new Map<string, SealedSecret>();
  for (const [name, values] of Object.entries(secrets ?? {})) {
    sealed.set(name, sealSecret(key, id, name, JSON.stringify(values)));
  }
  return sealed;
}

function decodeCursor(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = typeof raw === 'string' ? Number(Buffer.from(raw, 'base64url').toString()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ApiError(400, 'bad_request', 'cursor is not one this API returned');
  }
  return n;
}

function parseLimit(raw: unknown): number {
  if (raw === undefined || raw === '') return 20;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(n) || n < 1 || n > 100) {
    throw new ApiError(400, 'bad_request', 'limit must be a whole number from 1 to 100');
  }
  return n;
}

async function createDeployment(
  opts: DeploymentRoutesOptions,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const key = idempotencyKey(req);
  if (!isManifestBody(req.body)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send the manifest as application/json or application/yaml',
    );
  }
  const t0 = performance.now();
  const admitted = admitManifest(req.body, { requireSecrets: opts.requireSecrets ?? false });
  const validateMs = Math.round(performance.now() - t0);
  const { secrets, ...manifest } = admitted;
  const missing = missingCredentials(manifest, Object.keys(secrets ?? {}));
  const planOnly =
    missing.length > 0
      ? `${PLAN_ONLY} for ${missing.join(', ')} (no executor applies this plan, so none are needed)`
      : undefined;
  const id = randomUUID();
  const t1 = performance.now();
  const sealed = sealAll(opts.secretKey, id, secrets);
  const now = new Date().toISOString();
  const events: NewEvent[] = [
    {
      time: now,
      phase: 'validate',
      level: 'info',
      message: `Manifest valid: ${manifest.spec.components.length} components, ${manifest.spec.infrastructure.regions.length} region(s)`,
      durationMs: validateMs,
    },
    ...(planOnly
      ? [{ time: now, phase: 'validate' as const, level: 'warn' as const, message: planOnly }]
      : []),
    {
      time: now,
      phase: 'persist',
      level: 'info',
      message: `Stored the manifest and ${sealed.size} secret(s), encrypted with AES-256-GCM`,
      durationMs: Math.round(performance.now() - t1),
    },
  ];
  const requestHash = requestDigest(opts.secretKey, canonicalJson(admitted));
  const result = await opts.repo.createDeployment({
    id,
    name: manifest.metadata.name,
    status: 'pending',
    statusMessage: planOnly
      ? `Accepted. ${planOnly}; the pipeline will render and commit the GitOps tree`
      : 'Accepted; the pipeline will render and commit the GitOps tree',
    manifestJson: JSON.stringify(manifest),
    requestHash,
    idempotencyKey: key,
    componentCount: manifest.spec.components.length,
    secrets: sealed,
    events,
    now,
  });
  const { row } = result;
  if (!result.created) {
    if (row.requestHash !== requestHash) {
      throw new ApiError(
        409,
        'idempotency_conflict',
        'This Idempotency-Key was already used with a different manifest',
      );
    }
    reply.header('idempotent-replayed', 'true');
  } else {
    opts.pipeline.enqueue(row.id);
  }
  reply.header('location', deploymentLinks(row.id).self);
  return reply.code(result.created ? 201 : 200).send(created(row));
}

/** Registers the deployment routes under /api/v1. */
export function deploymentRoutes(app: FastifyInstance, opts: DeploymentRoutesOptions): void {
  const { repo } = opts;
  app.post(
    '/api/v1/deployments',
    { config: { rateLimit: opts.rateLimit === false ? false : opts.rateLimit } },
    (req, reply) => createDeployment(opts, req, reply),
  );

  app.get('/api/v1/deployments', async (req) => {
    const q = req.query as Record<string, unknown>;
    const limit = parseLimit(q.limit);
    const page = await repo.listDeployments(limit, decodeCursor(q.cursor));
    return {
      items: page.rows.map(toDeployment),
      nextCursor:
        page.more && page.lastOrd !== undefined
          ? Buffer.from(String(page.lastOrd)).toString('base64url')
          : null,
    };
  });

  app.get('/api/v1/deployments/:id', async (req) => toDeployment(await findDeployment(repo, req)));

  app.get('/api/v1/deployments/:id/manifest', async (req, reply) =>
    sendManifest(await findDeployment(repo, req), req, reply),
  );

  app.get('/api/v1/deployments/:id/gitops', async (req, reply) =>
    sendGitopsArchive(opts.dataDir, await findDeployment(repo, req), reply),
  );
}
