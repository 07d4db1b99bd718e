// The OpenAPI 3.1 document, generated from the route table (server/api-spec.ts): its paths,
// parameters, bodies and responses come from the same zod schemas the routes parse requests with
// and the browser client parses responses with. Nothing here lists a route by hand.
import * as z from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { API, NAMED_SCHEMAS, type Content, type RouteSpec } from './api-spec';

type Json = Record<string, unknown>;

const json = (schema: $ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
};

const names = new Map<$ZodType, string>(
  Object.entries(NAMED_SCHEMAS).map(([name, { schema }]) => [schema, name]),
);

/** A `$ref` to a named schema, or the schema inline. */
const schemaOf = (schema: $ZodType, io: 'input' | 'output'): Json => {
  const name = names.get(schema);
  return name ? { $ref: `#/components/schemas/${name}` } : json(schema, io);
};

const contentOf = (content: Content, io: 'input' | 'output'): Json =>
  Object.fromEntries(
    Object.entries(content).map(([type, schema]) => [
      type,
      schema ? { schema: schemaOf(schema, io) } : {},
    ]),
  );

/** `/api/v1/deployments/:id` → `/api/v1/deployments/{id}` (documented git paths are already so). */
export const openApiPath = (url: string): string => url.replace(/:(\w+)/g, '{$1}');

/** OpenAPI parameters of one request part: each property of its zod object, decoded type. */
function parameters(where: 'path' | 'query' | 'header', schema: z.ZodObject | undefined): Json[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...fieldSchema } = json(field as $ZodType, 'output');
    const required = where === 'path' || !(field as z.ZodType).safeParse(undefined).success;
    return {
      name,
      in: where,
      required,
      ...(typeof description === 'string' ? { description } : {}),
      schema: fieldSchema,
    };
  });
}

const SECURITY: Record<NonNullable<RouteSpec['auth']>, Json[]> = {
  bearer: [{ bearer: [] }],
  none: [],
  gitReadToken: [{ gitReadToken: [] }],
  kubeconfigCallbackToken: [{ kubeconfigCallbackToken: [] }],
};

function operation(operationId: string, spec: RouteSpec): Json {
  const params = [
    ...parameters('path', spec.params),
    ...parameters('query', spec.query),
    ...parameters('header', spec.headers),
  ];
  return {
    operationId,
    ...(spec.summary ? { summary: spec.summary } : {}),
    // The document's default is the bearer token: only other schemes are spelled out.
    ...(spec.auth && spec.auth !== 'bearer' ? { security: SECURITY[spec.auth] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(spec.body
      ? { requestBody: { required: true, content: contentOf(spec.body, 'input') } }
      : {}),
    responses: Object.fromEntries(
      Object.entries(spec.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.content ? { content: contentOf(r.content, 'output') } : {}),
        },
      ]),
    ),
  };
}

/** The `paths` object: one entry per route of the table, operations keyed by method. */
export function openApiPaths(): Record<string, Record<string, Json>> {
  const paths: Record<string, Record<string, Json>> = {};
  for (const [operationId, spec] of Object.entries(API) as [string, RouteSpec][]) {
    const path = (paths[openApiPath(spec.url)] ??= {});
    path[spec.method.toLowerCase()] = operation(operationId, spec);
  }
  return paths;
}

/** Builds the OpenAPI document (cached by the caller). */
export function buildOpenApi(version: string): Record<string, unknown> {
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
        kubeconfigCallbackToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A cluster's single-use kubeconfig callback token (TF_VAR_kubeconfig_callback_tokens)",
        },
      },
      schemas: Object.fromEntries(
        Object.entries(NAMED_SCHEMAS).map(([name, { schema, io }]) => [name, json(schema, io)]),
      ),
    },
    security: [{ bearer: [] }],
    paths: openApiPaths(),
  };
}
