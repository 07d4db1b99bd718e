// PUT /api/v1/deployments/:id/clusters/:cluster/kubeconfig: the kubeconfig callback of EXECUTOR=tofu
// (server/tofu/callback.ts). The first control plane's cloud-init sends its k3s kubeconfig here with
// `Authorization: Bearer <its callback token>`: not the API token (the route is registered with
// `ownBearerToken`, so the API's token check steps aside; Host and origin checks still apply).
// Unknown deployment or no callback expected for the cluster: 404; wrong or missing token: 401
// (never saying which part was wrong); a second PUT: 409 (single use, under a lock across
// replicas); then the body is checked (bounded YAML, one cluster at https://…:6443) and stored
// sealed with AES-256-GCM. The body is never logged (the logger redacts bodies and Authorization).
import type { FastifyInstance } from 'fastify';
import { API, parseParams } from '../api-spec';
import { isManifestBody } from '../body';
import { isLoopbackHost } from '../config';
import type { Repository } from '../db/repository';
import { getDeployment } from '../deployments-service';
import { ApiError } from '../errors';
import { sealedArtifact, storeSealedArtifact } from '../executor-context';
import {
  bearerMatchesHash,
  callbackHashArtifact,
  CLUSTER_NAME,
  KUBECONFIG_BODY_LIMIT,
  kubeconfigArtifact,
  kubeconfigProblem,
} from '../tofu/callback';

export interface ClusterCallbackOptions {
  repo: Repository;
  secretKey: Buffer;
  /** Where clusters reach this API; a loopback one (tests, a local API) also accepts loopback servers. */
  publicUrl: () => string;
}

const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'Send Authorization: Bearer <the cluster’s callback token>');

/** Registers the kubeconfig callback route. */
export function clusterCallbackRoutes(app: FastifyInstance, opts: ClusterCallbackOptions): void {
  const spec = API.putClusterKubeconfig;
  app.put(
    spec.url,
    { bodyLimit: KUBECONFIG_BODY_LIMIT, config: { ownBearerToken: true } },
    async (req, reply) => {
      const { id, cluster } = parseParams(spec, req);
      await getDeployment(opts.repo, id);
      const noCallback = new ApiError(
        404,
        'not_found',
        'No kubeconfig callback is expected for this cluster',
      );
      if (!CLUSTER_NAME.test(cluster)) throw noCallback;
      const hash = await opts.repo.getArtifact(id, callbackHashArtifact(cluster));
      if (hash === undefined) throw noCallback;
      if (!bearerMatchesHash(req.headers.authorization, hash)) {
        reply.header('www-authenticate', 'Bearer realm="catalyst-kubeconfig-callback"');
        throw unauthorized();
      }
      const name = kubeconfigArtifact(cluster);
      await opts.repo.withLock(`kubeconfig-callback:${id}:${cluster}`, async () => {
        if ((await opts.repo.getArtifact(id, sealedArtifact(name))) !== undefined) {
          throw new ApiError(
            409,
            'already_reported',
            'This cluster has already reported its kubeconfig; the callback token is single use',
          );
        }
        const text = isManifestBody(req.body) ? req.body.text : '';
        let loopback = false;
        try {
          loopback = isLoopbackHost(new URL(opts.publicUrl()).hostname);
        } catch {
          loopback = false;
        }
        const problem = kubeconfigProblem(text, loopback);
        if (problem) throw new ApiError(400, 'bad_kubeconfig', problem);
        await storeSealedArtifact(opts.repo, opts.secretKey, id, name, text);
      });
      req.log.info({ deploymentId: id, cluster }, 'a cluster reported its kubeconfig');
      return reply.code(204).send();
    },
  );
}
