// The kubeconfig callback of EXECUTOR=tofu (server/routes/cluster-callback.ts), part of the route
// table API in server/api-spec.ts.
import * as z from 'zod';
import { API_PATHS } from '../src/shared/constants/api-paths';
import { deploymentId, error } from './api-spec-parts';
import type { RouteSpec } from './api-spec-types';

/** The cluster routes, keyed by their operationId. */
export const CLUSTER_ROUTES = {
  putClusterKubeconfig: {
    method: 'PUT',
    url: API_PATHS.clusterKubeconfig,
    summary:
      "A new cluster's cloud-init reports its kubeconfig (single use; its own bearer token, not the API token)",
    auth: 'kubeconfigCallbackToken',
    params: z.object({
      id: deploymentId,
      cluster: z
        .string()
        .describe('The cluster (its folder under clusters/; any other value answers 404)'),
    }),
    body: { 'application/yaml': z.string().describe('The kubeconfig (64 KiB at most)') },
    responses: {
      '204': { description: 'Stored, sealed; the tofu run goes on to watch the cluster' },
      '400': error('Not a kubeconfig with one cluster whose server is https://…:6443'),
      '401': error('Missing or wrong callback token'),
      '404': error('Unknown deployment, or no callback expected for that cluster'),
      '409': error('The kubeconfig was already reported (the token is single use)'),
      '413': error('Body larger than 64 KiB'),
      '415': error('Not a YAML media type'),
    },
  },
} as const satisfies Record<string, RouteSpec>;
