// Submitting deployments and reading them back: create (idempotent), list, get, manifest, gitops.
// HTTP only: each route parses its request with its schemas in server/api-spec.ts, calls the
// service (server/deployments-service.ts) and writes the reply.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API, parseHeaders, parseParams, parseQuery } from '../api-spec';
import type { DeploymentRow, Repository } from '../db/repository';
import {
  createDeployment,
  deploymentLinks,
  getDeployment,
  gitopsArchive,
  listDeployments,
  manifestFile,
  toDeployment,
  type CreateDeps,
} from '../deployments-service';
import { cancelDeployment, retryDeployment } from '../run-control';
import type { Pipeline } from '../pipeline';
import { sendDownload } from './deployment-files';

export interface DeploymentRoutesOptions extends CreateDeps {
  pipeline: Pick<Pipeline, 'enqueue' | 'cancel'>;
  /** Where the Sovereigns' GitOps repositories live (DATA_DIR). */
  dataDir: string;
  rateLimit: { max: number; timeWindow: string } | false;
  /** How long a cancel waits for this replica's run to stop (the tofu grace period and a margin). */
  cancelWaitMs: number;
}

/** Loads the deployment the `:id` route parameter names; 404 for unknown or malformed ids. */
export function findDeployment(repo: Repository, req: FastifyRequest): Promise<DeploymentRow> {
  return getDeployment(repo, parseParams(API.getDeployment, req).id);
}

/** JSON for ?format=json, or for an Accept that asks for JSON and not YAML; YAML otherwise. */
function manifestFormat(req: FastifyRequest): 'json' | 'yaml' {
  const { format } = parseQuery(API.getManifest, req);
  if (format) return format;
  const accept = req.headers.accept ?? '';
  return /application\/json/i.test(accept) && !/yaml/i.test(accept) ? 'json' : 'yaml';
}

/** Registers the deployment routes under /api/v1. */
export function deploymentRoutes(app: FastifyInstance, opts: DeploymentRoutesOptions): void {
  const { repo } = opts;
  app.post(
    API.createDeployment.url,
    { config: { rateLimit: opts.rateLimit === false ? false : opts.rateLimit } },
    async (req, reply) => {
      const key = parseHeaders(API.createDeployment, req)['Idempotency-Key'] ?? null;
      const { created, deployment } = await createDeployment(opts, req.body, key);
      if (!created) reply.header('idempotent-replayed', 'true');
      reply.header('location', deploymentLinks(deployment.id).self);
      return reply.code(created ? 201 : 200).send(deployment);
    },
  );

  app.get(API.listDeployments.url, async (req) =>
    listDeployments(repo, parseQuery(API.listDeployments, req)),
  );

  app.get(API.getDeployment.url, async (req) => toDeployment(await findDeployment(repo, req)));

  app.get(API.getManifest.url, async (req, reply) => {
    const file = manifestFile(await findDeployment(repo, req), manifestFormat(req));
    reply.header('vary', 'Accept');
    return sendDownload(reply, file, 'inline');
  });

  const control = { repo, pipeline: opts.pipeline, cancelWaitMs: opts.cancelWaitMs };
  app.post(API.cancelDeployment.url, async (req) =>
    cancelDeployment(control, parseParams(API.cancelDeployment, req).id),
  );
  app.post(API.retryDeployment.url, async (req) =>
    retryDeployment(control, parseParams(API.retryDeployment, req).id),
  );

  app.get(API.getGitops.url, async (req, reply) =>
    sendDownload(reply, await gitopsArchive(opts.dataDir, await findDeployment(repo, req))),
  );
}
