// The routes about the server itself: the catalog, the OpenAPI document and the probes; part of the
// route table API in server/api-spec.ts.
import { API_PATHS } from '../src/shared/constants/api-paths';
import { catalogResponseSchema, healthSchema } from '../src/shared/schemas/api';
import { error } from './api-spec-parts';
import type { RouteSpec } from './api-spec-types';

/** The meta routes, keyed by their operationId. */
export const META_ROUTES = {
  getCatalog: {
    method: 'GET',
    url: API_PATHS.catalog,
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
    url: API_PATHS.openApi,
    summary: 'This document',
    responses: { '200': { description: 'This document' } },
  },
  healthz: {
    method: 'GET',
    url: API_PATHS.healthz,
    summary: 'Liveness',
    auth: 'none',
    responses: {
      '200': { description: 'Process alive', content: { 'application/json': healthSchema } },
    },
  },
  readyz: {
    method: 'GET',
    url: API_PATHS.readyz,
    summary: 'Readiness',
    auth: 'none',
    responses: {
      '200': { description: 'Database reachable', content: { 'application/json': healthSchema } },
      '503': error('Database unreachable'),
    },
  },
} as const satisfies Record<string, RouteSpec>;
