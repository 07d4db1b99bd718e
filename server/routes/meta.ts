// Health, readiness, the catalog and the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import { COMPONENTS } from '../../src/shared/constants/components';
import type { CatalogResponse } from '../../src/shared/schemas/api';
import { API } from '../api-spec';
import type { Repository } from '../db/repository';
import { ApiError } from '../errors';
import { buildOpenApi } from '../openapi';

const catalog: CatalogResponse = {
  components: COMPONENTS.map((c) => ({
    id: c.id,
    name: c.name,
    role: c.role,
    family: c.family,
    tier: c.tier,
    fluxCategory: c.fluxCategory,
    namespace: c.namespace,
    dependsOn: [...c.dependsOn],
    chart: c.chart && { ...c.chart },
    resources: {
      cpuMillicores: c.resources.cpuMillicores,
      memoryMiB: c.resources.memoryMiB,
      storageGiB: c.resources.storageGiB,
    },
  })),
};

/** Registers /healthz, /readyz, /api/v1/catalog and /api/openapi.json. */
export function metaRoutes(
  app: FastifyInstance,
  opts: { repo: Repository; version: string },
): void {
  let openapi: Record<string, unknown> | undefined;
  app.get(API.healthz.url, async () => ({ status: 'ok' }));
  app.get(API.readyz.url, async () => {
    try {
      await opts.repo.ping();
    } catch {
      throw new ApiError(503, 'not_ready', 'The database is not reachable');
    }
    return { status: 'ready' };
  });
  app.get(API.getCatalog.url, async () => catalog);
  app.get(API.getOpenApi.url, async () => (openapi ??= buildOpenApi(opts.version)));
}
