// The wizard draft: what the user decides, step by step. One zod schema per step (zod/mini keeps
// the first page small); the Draft type is inferred from them. Secrets live in `DraftSecrets`,
// which is never persisted.
import * as z from 'zod/mini';
import {
  BUCKET_PATTERN,
  BUILDING_BLOCK_IDS,
  DNS_LABEL_PATTERN,
  COLD_BACKEND_IDS,
  OCI_REGISTRY_MESSAGE,
  OCI_REGISTRY_PATTERN,
  PLACEMENT_MODES,
  PROVIDER_IDS,
  SEAWEEDFS_SETTINGS,
  SOVEREIGN_NAME_PATTERN,
  TIER_DAYS,
  TOPOLOGY_IDS,
  VOLUME_GB_RANGE,
  WORKER_COUNT_RANGE,
  findSize,
  getProvider,
  getTopology,
  coldBackendRegions,
  COLD_BACKENDS,
} from '../constants/domain';
import type { DnsDraft } from './draft-dns';
import { enumOf, intIn } from './mini';
import type { BuildingBlock, ProviderId, TopologyId } from '../constants/domain';
import { isComponentId } from '../constants/components';
import type { ComponentId } from '../constants/components';
import type { SettingValue } from '../constants/settings-types';

export const regionSchema = z.object({
  cloudRegion: z.string().check(z.minLength(1, 'Cloud region is required')),
  buildingBlocks: z
    .array(enumOf<BuildingBlock>(BUILDING_BLOCK_IDS))
    .check(z.minLength(1, 'Building blocks: choose at least one')),
  controlPlane: z.object({
    size: z.string().check(z.minLength(1, 'Control-plane size is required')),
    ha: z.boolean(),
  }),
  workers: z.object({
    size: z.string().check(z.minLength(1, 'Worker size is required')),
    count: intIn(WORKER_COUNT_RANGE.min, WORKER_COUNT_RANGE.max, 'Worker count'),
    /** Extra volume per worker (GB); absent: the size's fixed disk only. */
    volumeGb: z.optional(intIn(VOLUME_GB_RANGE.min, VOLUME_GB_RANGE.max, 'Volume per worker (GB)')),
  }),
});
export type RegionDraft = z.infer<typeof regionSchema>;

export const infrastructureSchema = z
  .object({
    provider: enumOf<ProviderId>(PROVIDER_IDS),
    sovereignName: z
      .string()
      .check(
        z.minLength(1, 'Sovereign name is required'),
        z.regex(
          SOVEREIGN_NAME_PATTERN,
          'Sovereign name: 3 to 32 lowercase letters, digits or hyphens, starting with a letter',
        ),
      ),
    organization: z.object({
      name: z
        .string()
        .check(
          z.minLength(1, 'Organisation name is required'),
          z.maxLength(100, 'Organisation name: at most 100 characters'),
        ),
      email: z
        .string()
        .check(
          z.minLength(1, 'Contact email is required'),
          z.email('Contact email: enter an address like ops@example.com'),
        ),
    }),
    topology: enumOf<TopologyId>(TOPOLOGY_IDS),
    regions: z.array(regionSchema).check(z.minLength(1, 'At least one region is required')),
    sshPublicKey: z.string().check(z.minLength(1, 'SSH public key is required')),
  })
  .check(
    z.superRefine((infra, ctx) => {
      const provider = getProvider(infra.provider);
      const expected = getTopology(infra.topology).regions.length;
      if (infra.regions.length !== expected) {
        ctx.issues.push({
          code: 'custom',
          input: infra.regions,
          path: ['regions'],
          message: `Regions: the ${infra.topology} topology needs ${expected}, found ${infra.regions.length}`,
        });
      }
      const seen = new Set<string>();
      infra.regions.forEach((r, i) => {
        if (r.cloudRegion && !provider.regions.includes(r.cloudRegion)) {
          ctx.issues.push({
            code: 'custom',
            input: r.cloudRegion,
            path: ['regions', i, 'cloudRegion'],
            message: `Cloud region: ${provider.name} has no region "${r.cloudRegion}"`,
          });
        }
        if (seen.has(r.cloudRegion) && infra.regions.length > 1) {
          ctx.issues.push({
            code: 'custom',
            input: r.cloudRegion,
            path: ['regions', i, 'cloudRegion'],
            message: `Cloud region: ${r.cloudRegion} is already used by another region`,
          });
        }
        seen.add(r.cloudRegion);
        for (const pool of ['controlPlane', 'workers'] as const) {
          if (r[pool].size && !findSize(infra.provider, r[pool].size)) {
            ctx.issues.push({
              code: 'custom',
              input: r[pool].size,
              path: ['regions', i, pool, 'size'],
              message: `${pool === 'controlPlane' ? 'Control-plane' : 'Worker'} size: ${provider.name} has no size "${r[pool].size}"`,
            });
          }
        }
      });
    }),
  );
export type InfrastructureDraft = z.infer<typeof infrastructureSchema>;

export const storageSchema = z
  .object({
    seaweedfs: z.object({
      masterReplicas: intIn(
        SEAWEEDFS_SETTINGS.masterReplicas.min,
        SEAWEEDFS_SETTINGS.masterReplicas.max,
        'Master replicas',
      ),
      volumeReplicas: intIn(
        SEAWEEDFS_SETTINGS.volumeReplicas.min,
        SEAWEEDFS_SETTINGS.volumeReplicas.max,
        'Volume replicas',
      ),
      volumeSizeGi: intIn(
        SEAWEEDFS_SETTINGS.volumeSizeGi.min,
        SEAWEEDFS_SETTINGS.volumeSizeGi.max,
        'Volume size (GiB)',
      ),
      filerReplicas: intIn(
        SEAWEEDFS_SETTINGS.filerReplicas.min,
        SEAWEEDFS_SETTINGS.filerReplicas.max,
        'Filer replicas',
      ),
      s3Replicas: intIn(
        SEAWEEDFS_SETTINGS.s3Replicas.min,
        SEAWEEDFS_SETTINGS.s3Replicas.max,
        'S3 replicas',
      ),
      enableNamePrefix: z.boolean(),
      placement: enumOf(PLACEMENT_MODES),
    }),
    tiers: z.object({
      hotDays: intIn(TIER_DAYS.hot.min, TIER_DAYS.hot.max, 'Hot tier days'),
      warmDays: intIn(TIER_DAYS.warm.min, TIER_DAYS.warm.max, 'Warm tier days'),
    }),
    cold: z.object({
      backend: enumOf(COLD_BACKEND_IDS),
      bucket: z
        .string()
        .check(
          z.minLength(1, 'Cold-tier bucket is required'),
          z.regex(
            BUCKET_PATTERN,
            'Cold-tier bucket: 3 to 63 lowercase letters, digits, dots or hyphens',
          ),
        ),
      accountId: z.string(),
      region: z.string(),
    }),
  })
  .check(
    z.superRefine((s, ctx) => {
      if (s.tiers.warmDays <= s.tiers.hotDays) {
        ctx.issues.push({
          code: 'custom',
          input: s.tiers.warmDays,
          path: ['tiers', 'warmDays'],
          message: `Warm tier days: must be more than the hot tier's ${s.tiers.hotDays}`,
        });
      }
      if (s.cold.backend === 'cloudflare-r2' && !/^[a-f0-9]{32}$/.test(s.cold.accountId)) {
        ctx.issues.push({
          code: 'custom',
          input: s.cold.accountId,
          path: ['cold', 'accountId'],
          message: 'Cloudflare account id: 32 hexadecimal characters',
        });
      }
      const regions = coldBackendRegions(s.cold.backend);
      if (regions.length > 0 && !regions.includes(s.cold.region)) {
        const backend = COLD_BACKENDS.find((b) => b.id === s.cold.backend)?.name ?? s.cold.backend;
        ctx.issues.push({
          code: 'custom',
          input: s.cold.region,
          path: ['cold', 'region'],
          message: s.cold.region
            ? `Cold-tier region: ${backend} has no region "${s.cold.region}"; choose one of ${regions.join(', ')}`
            : `Cold-tier region: choose one of ${backend}'s regions`,
        });
      }
    }),
  );
export type StorageDraft = z.infer<typeof storageSchema>;

export const componentsSchema = z.object({
  chosen: z.array(
    z.string().check(z.refine((id) => isComponentId(id), { message: 'Unknown component id' })),
  ),
});
export type ComponentsDraft = {
  chosen: ComponentId[];
  /** Per component, the settings the user changed (constants/component-settings.ts); a value
   * that does not fit its field is kept as typed, and reported. */
  settings?: Partial<Record<ComponentId, Record<string, SettingValue>>>;
  /** Per component, advanced chart values merged over the defaults and the settings. */
  values?: Partial<Record<ComponentId, Record<string, unknown>>>;
};

/** Where the Catalyst Blueprint charts come from (checked with the Components step). */
export const blueprintsSchema = z.object({
  registry: z
    .string()
    .check(
      z.minLength(1, 'Blueprint registry is required'),
      z.regex(OCI_REGISTRY_PATTERN, OCI_REGISTRY_MESSAGE),
    ),
  pullSecretName: z
    .string()
    .check(
      z.minLength(1, 'Registry pull secret is required'),
      z.regex(
        DNS_LABEL_PATTERN,
        'Registry pull secret: a Kubernetes name (lowercase letters, digits, hyphens)',
      ),
    ),
});
export type BlueprintsDraft = z.infer<typeof blueprintsSchema>;

/** Everything the wizard collects except secrets; persisted in localStorage. */
export interface Draft {
  infrastructure: InfrastructureDraft;
  storage: StorageDraft;
  dns: DnsDraft;
  components: ComponentsDraft;
  blueprints: BlueprintsDraft;
}

/** Secret values: kept in memory only, never persisted, logged or put in a URL. */
export interface DraftSecrets {
  providerToken: string;
  registrarToken: string;
  coldAccessKeyId: string;
  coldSecretAccessKey: string;
}
