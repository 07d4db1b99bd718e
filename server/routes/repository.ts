// GET /api/v1/deployments/:id/repository: what the operator gives a new cluster's Flux so it can
// pull the Sovereign's tree (clone URL and read credentials). Behind the API token like every /api
// route; never cached, since the answer carries a credential.
import type { FastifyInstance } from 'fastify';
import { API } from '../api-spec';
import type { Repository } from '../db/repository';
import { repositoryAccess, type RepositoryConfig } from '../deployments-service';
import { findDeployment } from './deployments';

export interface RepositoryRoutesOptions {
  repo: Repository;
  secretKey: Buffer;
  config: RepositoryConfig;
}

/** Registers GET /api/v1/deployments/:id/repository. */
export function repositoryRoutes(app: FastifyInstance, opts: RepositoryRoutesOptions): void {
  app.get(API.getRepository.url, async (req, reply) => {
    const row = await findDeployment(opts.repo, req);
    reply.header('cache-control', 'no-store');
    return repositoryAccess(opts, row.name, req.socket.localPort || 0);
  });
}
