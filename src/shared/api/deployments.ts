// Deployments over the API: the query factories for the list and one deployment, and the submit
// (an idempotent POST whose body carries the manifest and its secret values).
import {
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import {
  deploymentCreatedSchema,
  deploymentPageSchema,
  deploymentSchema,
  type DeploymentCreated,
} from '../schemas/api';
import type { SovereignManifest } from '../schemas/manifest';
import { API_PATHS, deploymentApiPath } from '../constants/api-paths';
import { apiJson } from './client';

export const DEPLOYMENTS_PATH = API_PATHS.deployments;
/** Deployments per page of the list. */
export const DEPLOYMENTS_PAGE_SIZE = 20;

/** The API path of one deployment's resource (`''`, `/events`, `/manifest`, `/gitops`, ...). */
export function deploymentPath(
  id: string,
  sub: '' | 'events' | 'manifest' | 'gitops' | 'repository' | 'cancel' | 'retry' = '',
): string {
  return deploymentApiPath(id, sub);
}

export const deploymentKeys = {
  all: ['deployments'] as const,
  list: () => [...deploymentKeys.all, 'list'] as const,
  detail: (id: string) => [...deploymentKeys.all, 'detail', id] as const,
};

/** Past deployments, newest first, a page at a time (`fetchNextPage` loads older ones). */
export function deploymentsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: deploymentKeys.list(),
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ limit: String(DEPLOYMENTS_PAGE_SIZE) });
      if (pageParam) q.set('cursor', pageParam);
      return apiJson(`${DEPLOYMENTS_PATH}?${q}`, deploymentPageSchema, { signal });
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One deployment: status, plain status message, commit and links. */
export function deploymentQueryOptions(id: string) {
  return queryOptions({
    queryKey: deploymentKeys.detail(id),
    queryFn: ({ signal }) => apiJson(deploymentPath(id), deploymentSchema, { signal }),
  });
}

/**
 * POSTs a manifest (with its `secrets` block) under an Idempotency-Key: sending the same key
 * again replays the first answer instead of creating a second deployment.
 */
export function submitDeployment(
  manifest: SovereignManifest,
  idempotencyKey: string,
): Promise<DeploymentCreated> {
  return apiJson(DEPLOYMENTS_PATH, deploymentCreatedSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(manifest),
  });
}

export interface SubmitDeploymentVariables {
  manifest: SovereignManifest;
  idempotencyKey: string;
}

/** The submit as a mutation; never retried by itself (the user retries with the same key). */
export function useSubmitDeployment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ manifest, idempotencyKey }: SubmitDeploymentVariables) =>
      submitDeployment(manifest, idempotencyKey),
    retry: false,
    onSuccess: () => client.invalidateQueries({ queryKey: deploymentKeys.list() }),
  });
}
