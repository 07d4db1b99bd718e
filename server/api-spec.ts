// The route table: every route of the bootstrap API (and the git smart HTTP routes beside it) with
// its method, path, summary and the zod schemas of what it reads (params, query, headers, body) and
// answers. The routes parse their requests with these schemas (parseParams/parseQuery/
// parseHeaders); server/openapi.ts generates the document's `paths` from this table, nothing else.
import * as z from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { SOVEREIGN_NAME_PATTERN } from '../src/shared/constants/domain';
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
import { error, IDEMPOTENCY_KEY_MESSAGE, manifestBody, says, wholeNumber } from './api-spec-parts';
import { SOVEREIGN_ROUTES } from './api-spec-sovereigns';
import { ApiError } from './errors';

/** The repository a cluster clones and its read credentials (GET …/:id/repository). */
export const repositoryAccessSchema = z.object({
  url: z.url(),
  username: z.nullable(z.string()).describe('`catalyst`; null for a remote'),
  token: z
    .nullable(z.string())
    .describe('The Sovereign read token (43 base64url characters); null for a remote'),
  served: z.enum(['bootstrap-api', 'remote']),
});
export type RepositoryAccess = z.infer<typeof repositoryAccessSchema>;

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

/** Media type → schema of the body (null: a binary or protocol body without a schema). */
export type Content = Record<string, $ZodType | null>;

export interface ResponseSpec {
  description: string;
  content?: Content;
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT';
  /** Fastify syntax (`:id`); a git route gives its documented path (`{name}`), its handler is routes/git.ts. */
  url: string;
  summary?: string;
  /** Who may call it: the API bearer token (default), anyone, or a Sovereign's read token. */
  auth?: 'bearer' | 'none' | 'gitReadToken' | 'kubeconfigCallbackToken';
  params?: z.ZodObject;
  /** Query parameters; an empty value (`?cursor=`) counts as absent. */
  query?: z.ZodObject;
  /** Request headers, keyed by their documented spelling (matched case-insensitively). */
  headers?: z.ZodObject;
  body?: Content;
  responses: Record<string, ResponseSpec>;
}

const gitError = (description: string): ResponseSpec => ({
  description,
  content: { 'text/plain': z.string() },
});
/** Responses every git smart HTTP route shares. */
const gitRefusals = {
  '401': gitError(
    'Missing or wrong read token (`WWW-Authenticate: Basic realm="catalyst-gitops"`)',
  ),
  '403': gitError('Any service but git-upload-pack: the repository is read-only'),
  '404': gitError('Unknown Sovereign or malformed name'),
};

const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 100';
const SEQ_MESSAGE = 'Last-Event-ID must be a whole number (an event seq)';

/** An event seq to resume after (0: from the start). */
export const eventSeqSchema = wholeNumber(SEQ_MESSAGE, 0);

const deploymentParams = z.object({
  id: z.string().describe('The deployment id (a UUID; any other value answers 404)'),
});
const gitParams = z.object({
  name: z
    .string()
    .regex(SOVEREIGN_NAME_PATTERN)
    .describe('The Sovereign name (the path segment is `<name>.git`)'),
});

/** Every route, keyed by its operationId. */
export const API = {
  createDeployment: {
    method: 'POST',
    url: '/api/v1/deployments',
    summary: 'Submit a manifest (secret values in its top-level `secrets`)',
    headers: z.object({
      'Idempotency-Key': z
        .string(says(IDEMPOTENCY_KEY_MESSAGE))
        .regex(/^[\x21-\x7e]{1,255}$/, says(IDEMPOTENCY_KEY_MESSAGE))
        .min(1, says(IDEMPOTENCY_KEY_MESSAGE))
        .max(255, says(IDEMPOTENCY_KEY_MESSAGE))
        .optional()
        .describe('The same key and manifest again answer 200 with the same deployment'),
    }),
    body: manifestBody,
    responses: {
      '201': {
        description: 'Accepted and stored durably',
        content: { 'application/json': deploymentCreatedSchema },
      },
      '200': {
        description: 'Idempotent replay: the deployment this key created',
        content: { 'application/json': deploymentCreatedSchema },
      },
      '400': error('invalid_manifest (with problems) or bad_request'),
      '401': error('Missing or wrong bearer token'),
      '409': error(
        'idempotency_conflict: Idempotency-Key reused with a different manifest; sovereign_exists: the name has a deployment (existing, revisionsUrl)',
      ),
      '413': error('Body larger than BODY_LIMIT'),
      '415': error('Not JSON or YAML'),
      '429': error('Rate limited'),
    },
  },
  listDeployments: {
    method: 'GET',
    url: '/api/v1/deployments',
    summary: 'List deployments, newest first',
    query: z.object({
      limit: wholeNumber(LIMIT_MESSAGE, 1, 100).default(20),
      cursor: z
        .string(says('cursor is not one this API returned'))
        .optional()
        .describe('The nextCursor of the previous page'),
    }),
    responses: {
      '200': { description: 'A page', content: { 'application/json': deploymentPageSchema } },
      '400': error('Bad limit or cursor'),
    },
  },
  getDeployment: {
    method: 'GET',
    url: '/api/v1/deployments/:id',
    summary: 'One deployment',
    params: deploymentParams,
    responses: {
      '200': { description: 'The deployment', content: { 'application/json': deploymentSchema } },
      '404': error('Unknown id'),
    },
  },
  getManifest: {
    method: 'GET',
    url: '/api/v1/deployments/:id/manifest',
    summary: 'The manifest as submitted, without secrets (YAML, or JSON by Accept)',
    params: deploymentParams,
    query: z.object({
      // Any other value is ignored (Accept decides), as it always was.
      format: z
        .enum(['json', 'yaml'])
        .optional()
        .catch(undefined)
        .describe('Overrides Accept: json or yaml'),
    }),
    responses: {
      '200': {
        description: 'The manifest',
        content: {
          'application/yaml': sovereignManifestSchema,
          'application/json': sovereignManifestSchema,
        },
      },
      '404': error('Unknown id'),
    },
  },
  getGitops: {
    method: 'GET',
    url: '/api/v1/deployments/:id/gitops',
    summary: 'The GitOps tree (Flux + OpenTofu inputs) as .tar.gz',
    params: deploymentParams,
    responses: {
      '200': {
        description: 'gzip tar',
        content: { 'application/gzip': z.string().meta({ contentMediaType: 'application/gzip' }) },
      },
      '404': error('Unknown id'),
      '409': error('not_committed: the commit does not exist yet'),
    },
  },
  getRepository: {
    method: 'GET',
    url: '/api/v1/deployments/:id/repository',
    summary:
      'Where a new cluster clones the GitOps tree, with the read credentials (Cache-Control: no-store)',
    params: deploymentParams,
    responses: {
      '200': {
        description: 'URL and credentials',
        content: { 'application/json': repositoryAccessSchema },
      },
      '401': error('Missing or wrong bearer token'),
      '404': error('Unknown id'),
    },
  },
  cancelDeployment: {
    method: 'POST',
    url: '/api/v1/deployments/:id/cancel',
    summary:
      'Cancel the run: OpenTofu gets SIGINT (SIGKILL after TOFU_CANCEL_GRACE_MS), the status becomes `cancelled`, the state is kept',
    params: deploymentParams,
    responses: {
      '200': {
        description:
          'Cancelled (the run on this replica has stopped, or will within a second on a peer)',
        content: { 'application/json': deploymentSchema },
      },
      '401': error('Missing or wrong bearer token'),
      '404': error('Unknown id'),
      '409': error('not_cancellable: the deployment is already final'),
    },
  },
  retryDeployment: {
    method: 'POST',
    url: '/api/v1/deployments/:id/retry',
    summary:
      'Run a failed or cancelled deployment again: recorded steps are skipped, OpenTofu plans again from the kept state',
    params: deploymentParams,
    responses: {
      '200': { description: 'Queued again', content: { 'application/json': deploymentSchema } },
      '401': error('Missing or wrong bearer token'),
      '404': error('Unknown id'),
      '409': error('not_retryable: only a failed or cancelled deployment is retried'),
    },
  },
  streamEvents: {
    method: 'GET',
    url: '/api/v1/deployments/:id/events',
    summary:
      'Progress as Server-Sent Events; `id:` is the seq, data a DeploymentEvent; ends with `event: done` (EventsDone)',
    params: deploymentParams,
    // Last-Event-ID, when given and not empty, wins over ?lastEventId (routes/events.ts).
    headers: z.object({
      'Last-Event-ID': eventSeqSchema.optional().describe('The seq of the last event received'),
    }),
    query: z.object({
      lastEventId: eventSeqSchema
        .optional()
        .describe('Last-Event-ID, for clients that cannot set it'),
    }),
    responses: {
      '200': {
        description: 'text/event-stream',
        content: { 'text/event-stream': deploymentEventSchema },
      },
      '400': error('Last-Event-ID is not a whole number'),
      '404': error('Unknown id'),
    },
  },
  ...SOVEREIGN_ROUTES,
  getCatalog: {
    method: 'GET',
    url: '/api/v1/catalog',
    summary: 'The component catalog',
    responses: {
      '200': {
        description: 'The component catalog',
        content: { 'application/json': catalogResponseSchema },
      },
    },
  },
  getOpenApi: {
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This document',
    responses: { '200': { description: 'This document' } },
  },
  healthz: {
    method: 'GET',
    url: '/healthz',
    summary: 'Liveness',
    auth: 'none',
    responses: {
      '200': { description: 'Process alive', content: { 'application/json': healthSchema } },
    },
  },
  readyz: {
    method: 'GET',
    url: '/readyz',
    summary: 'Readiness',
    auth: 'none',
    responses: {
      '200': { description: 'Database reachable', content: { 'application/json': healthSchema } },
      '503': error('Database unreachable'),
    },
  },
  gitInfoRefs: {
    method: 'GET',
    url: '/git/{name}.git/info/refs',
    summary: 'git smart HTTP ref advertisement (read-only)',
    auth: 'gitReadToken',
    params: gitParams,
    query: z.object({ service: z.enum(['git-upload-pack']) }),
    responses: {
      '200': {
        description: 'pkt-lines',
        content: { 'application/x-git-upload-pack-advertisement': null },
      },
      ...gitRefusals,
    },
  },
  gitUploadPack: {
    method: 'POST',
    url: '/git/{name}.git/git-upload-pack',
    summary: 'git smart HTTP fetch round (gzip Content-Encoding accepted; 1 MiB at most)',
    auth: 'gitReadToken',
    params: gitParams,
    body: { 'application/x-git-upload-pack-request': null },
    responses: {
      '200': {
        description: 'pkt-lines, often a pack',
        content: { 'application/x-git-upload-pack-result': null },
      },
      ...gitRefusals,
      '413': gitError('Request larger than 1 MiB (compressed or not)'),
      '415': gitError('Other media type or Content-Encoding'),
    },
  },
  // ---- The kubeconfig callback of EXECUTOR=tofu (server/routes/cluster-callback.ts) ----
  putClusterKubeconfig: {
    method: 'PUT',
    url: '/api/v1/deployments/:id/clusters/:cluster/kubeconfig',
    summary:
      "A new cluster's cloud-init reports its kubeconfig (single use; its own bearer token, not the API token)",
    auth: 'kubeconfigCallbackToken',
    params: z.object({
      id: z.string().describe('The deployment id (a UUID; any other value answers 404)'),
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
