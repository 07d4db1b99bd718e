// GET /api/v1/deployments/:id/repository: what the operator gives a new cluster's Flux so it can
// pull the Sovereign's tree (clone URL and read credentials). Behind the API token like every /api
// route; never cached, since the answer carries a credential.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { defaultPublicUrl, type Config } from '../config';
import type { Repository } from '../db/repository';
import {
  GIT_READ_USERNAME,
  gitReadToken,
  repositoryUrlFor,
  type RepositoryServer,
} from '../git-credentials';
import { findDeployment } from './deployments';

export interface RepositoryRoutesOptions {
  repo: Repository;
  secretKey: Buffer;
  config: Pick<Config, 'host' | 'port' | 'publicUrl' | 'gitopsRemoteUrl'>;
}

export interface RepositoryAccess {
  url: string;
  /** `catalyst` for the bootstrap API; null for a remote, whose credentials this server does not hand out. */
  username: string | null;
  token: string | null;
  served: RepositoryServer;
}

/**
 * PUBLIC_URL, or `http://HOST:PORT` with the port the request arrived on: with PORT=0 only the
 * listening socket knows it.
 */
function publicUrlOf(config: RepositoryRoutesOptions['config'], req: FastifyRequest): string {
  return (
    config.publicUrl ?? defaultPublicUrl(config.host, config.port || req.socket.localPort || 0)
  );
}

/** The repository a cluster of Sovereign `name` clones, and the credentials that open it. */
export function repositoryAccess(
  opts: RepositoryRoutesOptions,
  name: string,
  publicUrl: string,
): RepositoryAccess {
  const where = repositoryUrlFor({ publicUrl, gitopsRemoteUrl: opts.config.gitopsRemoteUrl }, name);
  // GITOPS_REMOTE_TOKEN is a push credential for the remote: never handed to clusters.
  if (where.served === 'remote') return { ...where, username: null, token: null };
  return { ...where, username: GIT_READ_USERNAME, token: gitReadToken(opts.secretKey, name) };
}

/** Registers GET /api/v1/deployments/:id/repository. */
export function repositoryRoutes(app: FastifyInstance, opts: RepositoryRoutesOptions): void {
  app.get('/api/v1/deployments/:id/repository', async (req, reply) => {
    const row = await findDeployment(opts.repo, req);
    reply.header('cache-control', 'no-store');
    return repositoryAccess(opts, row.name, publicUrlOf(opts.config, req));
  });
}
