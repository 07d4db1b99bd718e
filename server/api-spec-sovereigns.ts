// The routes of the Sovereigns and their revisions (issue #12), part of the route table API in
// server/api-spec.ts (from which the OpenAPI document is generated).
import * as z from 'zod';
import { API_PATHS } from '../src/shared/constants/api-paths';
import {
  revisionCreatedSchema,
  sovereignListSchema,
  sovereignSchema,
} from '../src/shared/schemas/sovereigns';
import {
  error,
  idempotencyKeyHeader,
  manifestBody,
  manifestFormatQuery,
  manifestResponse,
  says,
  wholeNumber,
} from './api-spec-parts';
import type { RouteSpec } from './api-spec-types';

const BASE_REVISION_MESSAGE =
  'baseRevision must be a whole number from 1: the revision the manifest was edited from';
const REVISION_MESSAGE = 'revision must be a whole number from 1';
const KEEP_SECRETS_MESSAGE = 'keepSecrets must be true or false';

const sovereignParams = z.object({
  name: z.string().describe('The Sovereign name (metadata.name; any other value answers 404)'),
});

/** The Sovereign routes, keyed by their operationId. */
export const SOVEREIGN_ROUTES = {
  listSovereigns: {
    method: 'GET',
    url: API_PATHS.sovereigns,
    summary: 'Every Sovereign (one per name) with its latest revision, most recently updated first',
    responses: {
      '200': {
        description: 'The Sovereigns',
        content: { 'application/json': sovereignListSchema },
      },
    },
  },
  getSovereign: {
    method: 'GET',
    url: API_PATHS.sovereign,
    summary: 'One Sovereign with its revisions, ascending',
    params: sovereignParams,
    responses: {
      '200': { description: 'The Sovereign', content: { 'application/json': sovereignSchema } },
      '404': error('not_found: no Sovereign of this name'),
    },
  },
  getRevisionManifest: {
    method: 'GET',
    url: API_PATHS.revisionManifest,
    summary: "A revision's manifest as submitted, without secrets (YAML, or JSON by Accept)",
    params: z.object({
      name: sovereignParams.shape.name,
      revision: wholeNumber(REVISION_MESSAGE, 1).describe('The revision number (1, 2, …)'),
    }),
    query: manifestFormatQuery,
    responses: {
      '200': manifestResponse,
      '400': error('revision is not a whole number'),
      '404': error('not_found: no such Sovereign or revision'),
    },
  },
  createRevision: {
    method: 'POST',
    url: API_PATHS.revisions,
    summary:
      'Change a Sovereign: the whole manifest again (secret values in its top-level `secrets`), edited from `baseRevision`; one commit on its repository',
    params: sovereignParams,
    query: z.object({
      baseRevision: wholeNumber(BASE_REVISION_MESSAGE, 1).describe(
        'The revision the manifest was edited from: the latest one that did not fail',
      ),
      keepSecrets: z
        .enum(['true', 'false'], says(KEEP_SECRETS_MESSAGE))
        .optional()
        .describe(
          'true: every Secret the manifest needs but does not carry is kept from the base revision (sealed again for the new one)',
        ),
    }),
    headers: z.object({
      'Idempotency-Key': idempotencyKeyHeader.describe(
        'The same key and request again answer 200 with the same revision',
      ),
    }),
    body: manifestBody,
    responses: {
      '201': {
        description: 'Accepted and stored durably as the next revision',
        content: { 'application/json': revisionCreatedSchema },
      },
      '200': {
        description: 'Idempotent replay: the revision this key created',
        content: { 'application/json': revisionCreatedSchema },
      },
      '400': error(
        "invalid_manifest (with problems; `metadata.name` not the path name), immutable_field (provider, a region's cloudRegion), bad_request (baseRevision)",
      ),
      '401': error('Missing or wrong bearer token'),
      '404': error('not_found: no Sovereign of this name'),
      '409': error(
        'stale_base (latestRevision: the base to use), revision_in_progress, idempotency_conflict',
      ),
      '413': error('Body larger than BODY_LIMIT'),
      '415': error('Not JSON or YAML'),
      '429': error('Rate limited'),
    },
  },
} as const satisfies Record<string, RouteSpec>;
