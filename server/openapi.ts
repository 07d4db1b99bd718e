// The OpenAPI 3.1 document, generated from the same zod schemas the server and client use.
import * as z from 'zod';
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

const json = (schema: $ZodType, io: 'input' | 'output' = 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const content = (name: string) => ({ 'application/json': { schema: ref(name) } });
const error = (description: string) => ({ description, content: content('Error') });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const nameParam = {
  name: 'name',
  in: 'path',
  required: true,
  description: 'The Sovereign name (the path segment is `<name>.git`)',
  schema: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,30}[a-z0-9]$' },
};
const gitError = (description: string) => ({
  description,
  content: { 'text/plain': { schema: { type: 'string' } } },
});
/** Responses every git smart HTTP route shares. */
const gitRefusals = {
  '401': gitError(
    'Missing or wrong read token (`WWW-Authenticate: Basic realm="catalyst-gitops"`)',
  ),
  '403': gitError('Any service but git-upload-pack: the repository is read-only'),
  '404': gitError('Unknown Sovereign or malformed name'),
};
/** The repository a cluster clones and its read credentials (routes/repository.ts). */
const repositoryAccessSchema = {
  type: 'object',
  required: ['url', 'username', 'token', 'served'],
  properties: {
    url: { type: 'string', format: 'uri' },
    username: { type: ['string', 'null'], description: '`catalyst`; null for a remote' },
    token: {
      type: ['string', 'null'],
      description: 'The Sovereign read token (43 base64url characters); null for a remote',
    },
    served: { type: 'string', enum: ['bootstrap-api', 'remote'] },
  },
};

/** Builds the OpenAPI document (cached by the caller). */
export function buildOpenApi(version: string): Record<string, unknown> {
  const manifestBody = { schema: ref('SovereignManifest') };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Catalyst Bootstrap API',
      version,
      description:
        'Submit a Sovereign manifest, keep its secrets encrypted, and follow the deployment pipeline. See docs/api.md.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        gitReadToken: {
          type: 'http',
          scheme: 'basic',
          description: 'User `catalyst`, password the Sovereign read token',
        },
      },
      schemas: {
        SovereignManifest: json(sovereignManifestSchema, 'input'),
        DeploymentCreated: json(deploymentCreatedSchema),
        Deployment: json(deploymentSchema),
        DeploymentPage: json(deploymentPageSchema),
        DeploymentEvent: json(deploymentEventSchema),
        EventsDone: json(eventsDoneSchema),
        Catalog: json(catalogResponseSchema),
        Health: json(healthSchema),
        Error: json(apiErrorSchema),
        RepositoryAccess: repositoryAccessSchema,
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/v1/deployments': {
        post: {
          summary: 'Submit a manifest (secret values in its top-level `secrets`)',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 255 },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': manifestBody,
              'application/yaml': manifestBody,
              'application/x-yaml': manifestBody,
              'text/yaml': manifestBody,
            },
          },
          responses: {
            '201': {
              description: 'Accepted and stored durably',
              content: content('DeploymentCreated'),
            },
            '200': {
              description: 'Idempotent replay: the deployment this key created',
              content: content('DeploymentCreated'),
            },
            '400': error('invalid_manifest (with problems) or bad_request'),
            '401': error('Missing or wrong bearer token'),
            '409': error('Idempotency-Key reused with a different manifest'),
            '413': error('Body larger than BODY_LIMIT'),
            '415': error('Not JSON or YAML'),
            '429': error('Rate limited'),
          },
        },
        get: {
          summary: 'List deployments, newest first',
          parameters: [
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: 'A page', content: content('DeploymentPage') },
            '400': error('Bad limit or cursor'),
          },
        },
      },
      '/api/v1/deployments/{id}': {
        get: {
          parameters: [idParam],
          responses: {
            '200': { description: 'The deployment', content: content('Deployment') },
            '404': error('Unknown id'),
          },
        },
      },
      '/api/v1/deployments/{id}/manifest': {
        get: {
          summary: 'The manifest as submitted, without secrets (YAML, or JSON by Accept)',
          parameters: [idParam],
          responses: {
            '200': {
              description: 'The manifest',
              content: { 'application/yaml': manifestBody, 'application/json': manifestBody },
            },
            '404': error('Unknown id'),
          },
        },
      },
      '/api/v1/deployments/{id}/gitops': {
        get: {
          summary: 'The GitOps tree (Flux + OpenTofu inputs) as .tar.gz',
          parameters: [idParam],
          responses: {
            '200': {
              description: 'gzip tar',
              content: {
                'application/gzip': {
                  schema: { type: 'string', contentMediaType: 'application/gzip' },
                },
              },
            },
            '404': error('Unknown id'),
          },
        },
      },
      '/api/v1/deployments/{id}/repository': {
        get: {
          summary:
            'Where a new cluster clones the GitOps tree, with the read credentials (Cache-Control: no-store)',
          parameters: [idParam],
          responses: {
            '200': { description: 'URL and credentials', content: content('RepositoryAccess') },
            '401': error('Missing or wrong bearer token'),
            '404': error('Unknown id'),
          },
        },
      },
      '/git/{name}.git/info/refs': {
        get: {
          summary: 'git smart HTTP ref advertisement (read-only)',
          security: [{ gitReadToken: [] }],
          parameters: [
            nameParam,
            {
              name: 'service',
              in: 'query',
              required: true,
              schema: { type: 'string', enum: ['git-upload-pack'] },
            },
          ],
          responses: {
            '200': {
              description: 'pkt-lines',
              content: { 'application/x-git-upload-pack-advertisement': {} },
            },
            ...gitRefusals,
          },
        },
      },
      '/git/{name}.git/git-upload-pack': {
        post: {
          summary: 'git smart HTTP fetch round (gzip Content-Encoding accepted; 1 MiB at most)',
          security: [{ gitReadToken: [] }],
          parameters: [nameParam],
          requestBody: { required: true, content: { 'application/x-git-upload-pack-request': {} } },
          responses: {
            '200': {
              description: 'pkt-lines, often a pack',
              content: { 'application/x-git-upload-pack-result': {} },
            },
            ...gitRefusals,
            '413': gitError('Request larger than 1 MiB (compressed or not)'),
            '415': gitError('Other media type or Content-Encoding'),
          },
        },
      },
      '/api/v1/deployments/{id}/events': {
        get: {
          summary:
            'Progress as Server-Sent Events; `id:` is the seq, data a DeploymentEvent; ends with `event: done` (EventsDone)',
          parameters: [
            idParam,
            { name: 'Last-Event-ID', in: 'header', schema: { type: 'string' } },
            { name: 'lastEventId', in: 'query', schema: { type: 'integer', minimum: 0 } },
          ],
          responses: {
            '200': {
              description: 'text/event-stream',
              content: { 'text/event-stream': { schema: ref('DeploymentEvent') } },
            },
            '404': error('Unknown id'),
          },
        },
      },
      '/api/v1/catalog': {
        get: {
          responses: {
            '200': { description: 'The component catalog', content: content('Catalog') },
          },
        },
      },
      '/api/openapi.json': { get: { responses: { '200': { description: 'This document' } } } },
      '/healthz': {
        get: {
          security: [],
          responses: { '200': { description: 'Process alive', content: content('Health') } },
        },
      },
      '/readyz': {
        get: {
          security: [],
          responses: {
            '200': { description: 'Database reachable', content: content('Health') },
            '503': error('Database unreachable'),
          },
        },
      },
    },
  };
}
