// Sovereigns and their revisions over the API: the list, one Sovereign with its revisions, a
// revision's manifest (YAML, no secrets) and the submit of a new revision on a base revision.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { parseManifestText } from '../lib/manifest/io';
import type { SovereignManifest } from '../schemas/manifest';
import {
  revisionCreatedSchema,
  revisionsUrl,
  sovereignListSchema,
  sovereignSchema,
  type RevisionCreated,
} from '../schemas/sovereigns';
import { API_PATHS, revisionManifestApiPath, sovereignApiPath } from '../constants/api-paths';
import { ApiError, apiFetch, apiJson } from './client';
import { deploymentKeys } from './deployments';

export const SOVEREIGNS_PATH = API_PATHS.sovereigns;

/** The API path of one Sovereign. */
export const sovereignPath = sovereignApiPath;

/** The API path of one revision's manifest (YAML, never with secrets). */
export const revisionManifestPath = revisionManifestApiPath;

export const sovereignKeys = {
  all: ['sovereigns'] as const,
  list: () => [...sovereignKeys.all, 'list'] as const,
  detail: (name: string) => [...sovereignKeys.all, 'detail', name] as const,
  manifest: (name: string, revision: number) =>
    [...sovereignKeys.all, 'manifest', name, revision] as const,
};

/** Every Sovereign with its latest revision and status. */
export function sovereignsQueryOptions() {
  return queryOptions({
    queryKey: sovereignKeys.list(),
    queryFn: ({ signal }) => apiJson(SOVEREIGNS_PATH, sovereignListSchema, { signal }),
  });
}

/** One Sovereign with its revisions, ascending. */
export function sovereignQueryOptions(name: string) {
  return queryOptions({
    queryKey: sovereignKeys.detail(name),
    queryFn: ({ signal }) => apiJson(sovereignPath(name), sovereignSchema, { signal }),
  });
}

/** A revision's manifest as the server stores it: YAML text. */
export async function fetchRevisionManifestText(
  name: string,
  revision: number,
  signal?: AbortSignal,
): Promise<string> {
  const res = await apiFetch(revisionManifestPath(name, revision), {
    headers: { accept: 'application/yaml' },
    ...(signal ? { signal } : {}),
  });
  return res.text();
}

/** A revision's manifest, parsed and validated (an invalid one is an 'invalid-response' error). */
export async function fetchRevisionManifest(
  name: string,
  revision: number,
  signal?: AbortSignal,
): Promise<SovereignManifest> {
  const parsed = parseManifestText(await fetchRevisionManifestText(name, revision, signal));
  if (parsed.ok) return parsed.manifest;
  throw new ApiError({
    kind: 'invalid-response',
    status: 200,
    message: `The manifest of revision ${revision} is not valid: ${parsed.problems[0]?.message ?? ''}`,
  });
}

/** One revision's parsed manifest; a revision never changes, so it is never stale. */
export function revisionManifestQueryOptions(name: string, revision: number) {
  return queryOptions({
    queryKey: sovereignKeys.manifest(name, revision),
    queryFn: ({ signal }) => fetchRevisionManifest(name, revision, signal),
    staleTime: Infinity,
  });
}

export interface SubmitRevisionVariables {
  name: string;
  baseRevision: number;
  keepSecrets: boolean;
  /** With its `secrets` block, as POST /deployments takes it. */
  manifest: SovereignManifest;
  idempotencyKey: string;
}

/** POSTs a new revision edited from `baseRevision`; 409 `stale_base` when a newer one exists. */
export function submitRevision(v: SubmitRevisionVariables): Promise<RevisionCreated> {
  const q = new URLSearchParams({ baseRevision: String(v.baseRevision) });
  if (v.keepSecrets) q.set('keepSecrets', 'true');
  return apiJson(`${revisionsUrl(v.name)}?${q}`, revisionCreatedSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': v.idempotencyKey },
    body: JSON.stringify(v.manifest),
  });
}

/** The revision submit as a mutation; never retried by itself. */
export function useSubmitRevision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: submitRevision,
    retry: false,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: sovereignKeys.all }),
        client.invalidateQueries({ queryKey: deploymentKeys.list() }),
      ]),
  });
}
