// The routes of the deployments: submit, list, read (manifest, GitOps tree, repository), cancel,
// retry and the event stream; part of the route table API in server/api-spec.ts.
import * as z from 'zod';
import { API_PATHS } from '../src/shared/constants/api-paths';
import {
  deploymentCreatedSchema,
  deploymentEventSchema,
  deploymentPageSchema,
  deploymentSchema,
} from '../src/shared/schemas/api';
import {
  deploymentId,
  error,
  idempotencyKeyHeader,
  manifestBody,
  manifestFormatQuery,
  manifestResponse,
  says,
  wholeNumber,
} from './api-spec-parts';
import type { RouteSpec } from './api-spec-types';

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

const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 100';
const SEQ_MESSAGE = 'Last-Event-ID must be a whole number (an event seq)';

/** An event seq to resume after (0: from the start). */
const eventSeqSchema = wholeNumber(SEQ_MESSAGE, 0);

const deploymentParams = z.object({ id: deploymentId });

/** The deployment routes, keyed by their operationId. */
export const DEPLOYMENT_ROUTES = {
  createDeployment: {
    method: 'POST',
    url: API_PATHS.deployments,
    summary: 'Submit a manifest (secret values in its top-level `secrets`)',
    headers: z.object({
      'Idempotency-Key': idempotencyKeyHeader.describe(
        'The same key and manifest again answer 200 with the same deployment',
      ),
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
    url: API_PATHS.deployments,
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
    url: API_PATHS.deployment,
    summary: 'One deployment',
    params: deploymentParams,
    responses: {
      '200': { description: 'The deployment', content: { 'application/json': deploymentSchema } },
      '404': error('Unknown id'),
    },
  },
  getManifest: {
    method: 'GET',
    url: API_PATHS.deploymentManifest,
    summary: 'The manifest as submitted, without secrets (YAML, or JSON by Accept)',
    params: deploymentParams,
    query: manifestFormatQuery,
    responses: {
      '200': manifestResponse,
      '404': error('Unknown id'),
    },
  },
  getGitops: {
    method: 'GET',
    url: API_PATHS.deploymentGitops,
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
    url: API_PATHS.deploymentRepository,
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
    url: API_PATHS.deploymentCancel,
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
    url: API_PATHS.deploymentRetry,
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
    url: API_PATHS.deploymentEvents,
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
} as const satisfies Record<string, RouteSpec>;
