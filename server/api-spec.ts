// The route table: every route of the bootstrap API (and the git smart HTTP routes beside it) with
// its method, path, summary and the zod schemas of what it reads (params, query, headers, body) and
// answers, assembled from its parts by resource (server/api-spec-*.ts). The routes parse their
// requests with these schemas (parseParams/parseQuery/parseHeaders); server/openapi.ts generates
// the document's `paths` from this table, nothing else.
import type * as z from 'zod';
import type { $ZodType } from 'zod/v4/core';
import {
  apiErrorSchema,
  catalogResponseSchema,
  deploymentCreatedSchema,
  deploymentEventSchema,
  deploymentPageSchema,
  deploymentSchema,
  eventsDoneSchema,
  healthSchema,
} from '../src/shared/schemas/api';
import { sovereignManifestSchema } from '../src/shared/schemas/manifest';
import {
  revisionCreatedSchema,
  revisionSchema,
  sovereignListSchema,
  sovereignSchema,
  sovereignSummarySchema,
} from '../src/shared/schemas/sovereigns';
import { CLUSTER_ROUTES } from './api-spec-clusters';
import { DEPLOYMENT_ROUTES, repositoryAccessSchema } from './api-spec-deployments';
import { GIT_ROUTES } from './api-spec-git';
import { META_ROUTES } from './api-spec-meta';
import { SOVEREIGN_ROUTES } from './api-spec-sovereigns';
import type { RouteSpec } from './api-spec-types';
import { ApiError } from './errors';

export type { RepositoryAccess } from './api-spec-deployments';
export type { Content, RouteSpec } from './api-spec-types';

/**
 * The schemas the document names under `components.schemas` (referenced by `$ref` wherever a route
 * uses them); `io: 'input'` documents what a client sends (the manifest), else what it receives.
 */
export const NAMED_SCHEMAS: Record<string, { schema: $ZodType; io: 'input' | 'output' }> = {
  SovereignManifest: { schema: sovereignManifestSchema, io: 'input' },
  DeploymentCreated: { schema: deploymentCreatedSchema, io: 'output' },
  Deployment: { schema: deploymentSchema, io: 'output' },
  DeploymentPage: { schema: deploymentPageSchema, io: 'output' },
  DeploymentEvent: { schema: deploymentEventSchema, io: 'output' },
  EventsDone: { schema: eventsDoneSchema, io: 'output' },
  Catalog: { schema: catalogResponseSchema, io: 'output' },
  Health: { schema: healthSchema, io: 'output' },
  Error: { schema: apiErrorSchema, io: 'output' },
  RepositoryAccess: { schema: repositoryAccessSchema, io: 'output' },
  Revision: { schema: revisionSchema, io: 'output' },
  RevisionCreated: { schema: revisionCreatedSchema, io: 'output' },
  SovereignSummary: { schema: sovereignSummarySchema, io: 'output' },
  Sovereign: { schema: sovereignSchema, io: 'output' },
  SovereignList: { schema: sovereignListSchema, io: 'output' },
};

/** Every route, keyed by its operationId (in the document's order). */
export const API = {
  ...DEPLOYMENT_ROUTES,
  ...SOVEREIGN_ROUTES,
  ...META_ROUTES,
  ...GIT_ROUTES,
  ...CLUSTER_ROUTES,
} as const satisfies Record<string, RouteSpec>;

type Spec = (typeof API)[keyof typeof API];
type Part<S, K extends 'params' | 'query' | 'headers'> =
  S extends Record<K, infer T extends z.ZodType> ? z.output<T> : never;

/** The 400 for a request part that fails its schema: the first problem's sentence. */
function parsed<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError(
    400,
    'bad_request',
    result.error.issues[0]?.message ?? 'The request is not valid',
  );
}

/** The route's path parameters, parsed with its schema. */
export function parseParams<S extends Spec>(spec: S, req: { params: unknown }): Part<S, 'params'> {
  return ('params' in spec ? parsed(spec.params, req.params) : undefined) as Part<S, 'params'>;
}

/** The route's query, parsed with its schema (empty values dropped first). */
export function parseQuery<S extends Spec>(spec: S, req: { query: unknown }): Part<S, 'query'> {
  if (!('query' in spec)) return undefined as never;
  const raw = (req.query ?? {}) as Record<string, unknown>;
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  return parsed(spec.query, present) as Part<S, 'query'>;
}

/** The route's headers (only those it declares, matched case-insensitively), parsed with its schema. */
export function parseHeaders<S extends Spec>(
  spec: S,
  req: { headers: Record<string, string | string[] | undefined> },
): Part<S, 'headers'> {
  if (!('headers' in spec)) return undefined as never;
  const picked: Record<string, unknown> = {};
  for (const name of Object.keys(spec.headers.shape)) {
    const value = req.headers[name.toLowerCase()];
    if (value !== undefined) picked[name] = value;
  }
  return parsed(spec.headers, picked) as Part<S, 'headers'>;
}
