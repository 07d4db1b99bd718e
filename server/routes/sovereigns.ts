// The Sovereigns and their revisions: list, one Sovereign, a revision's manifest, a new revision.
// HTTP only: each route parses its request with its schemas in server/api-spec.ts, calls the
// service (server/sovereigns-service.ts) and writes the reply.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API, parseHeaders, parseParams, parseQuery } from '../api-spec';
import { deploymentLinks, type CreateDeps } from '../deployments-service';
import {
  createRevision,
  getSovereign,
  listSovereigns,
  revisionManifest,
} from '../sovereigns-service';
import { sendDownload } from './deployment-files';

export interface SovereignRoutesOptions extends CreateDeps {
  rateLimit: { max: number; timeWindow: string } | false;
}

/** JSON for ?format=json, or for an Accept that asks for JSON and not YAML; YAML otherwise. */
function manifestFormat(req: FastifyRequest): 'json' | 'yaml' {
  const { format } = parseQuery(API.getRevisionManifest, req);
  if (format) return format;
  const accept = req.headers.accept ?? '';
  return /application\/json/i.test(accept) && !/yaml/i.test(accept) ? 'json' : 'yaml';
}

/** Registers the Sovereign routes under /api/v1. */
export function sovereignRoutes(app: FastifyInstance, opts: SovereignRoutesOptions): void {
  const { repo } = opts;
  app.get(API.listSovereigns.url, async () => listSovereigns(repo));

  app.get(API.getSovereign.url, async (req) =>
    getSovereign(repo, parseParams(API.getSovereign, req).name),
  );

  app.get(API.getRevisionManifest.url, async (req, reply) => {
    const { name, revision } = parseParams(API.getRevisionManifest, req);
    const file = await revisionManifest(repo, name, revision, manifestFormat(req));
    reply.header('vary', 'Accept');
    return sendDownload(reply, file, 'inline');
  });

  app.post(
    API.createRevision.url,
    { config: { rateLimit: opts.rateLimit === false ? false : opts.rateLimit } },
    async (req, reply) => {
      const { name } = parseParams(API.createRevision, req);
      const query = parseQuery(API.createRevision, req);
      const key = parseHeaders(API.createRevision, req)['Idempotency-Key'] ?? null;
      const { created, revision } = await createRevision(
        opts,
        name,
        { baseRevision: query.baseRevision, keepSecrets: query.keepSecrets === 'true' },
        req.body,
        key,
      );
      if (!created) reply.header('idempotent-replayed', 'true');
      reply.header('location', deploymentLinks(revision.id).self);
      return reply.code(created ? 201 : 200).send(revision);
    },
  );
}
