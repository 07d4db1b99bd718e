// The wizard draft: what the user decides, step by step. One zod schema per step (zod/mini keeps
// the first page small); the Draft type is inferred from them. Secrets live in `DraftSecrets`,
// which is never persisted.
import * as z from 'zod/mini';
import {
  BUILDING_BLOCK_IDS,
  COLD_BACKEND_IDS,
  DNS_MODE_IDS,
  LUA_POLICY_IDS,
  OCI_REGISTRY_MESSAGE,
  OCI_REGISTRY_PATTERN,
  PLACEMENT_MODES,
  POOL_DOMAINS,
  PROVIDER_IDS,
  REGISTRAR_IDS,
  SEAWEEDFS_SETTINGS,
  SOVEREIGN_NAME_PATTERN,
  TLS_ISSUER_IDS,
  TOPOLOGY_IDS,
  VOLUME_GB_RANGE,
  WORKER_COUNT_RANGE,
  findSize,
  getProvider,
  getTopology,
  coldBackendRegions,
  COLD_BACKENDS,
} from '../constants/domain';
import { domainProblem } from '../lib/contradictions';
import type { BuildingBlock, ProviderId, TopologyId } from '../constants/domain';
import { isComponentId } from '../constants/components';
import type { ComponentId } from '../constants/components';
import type { SettingValue } from '../constants/settings-types';

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
const intIn = (min: number, max: number, label: string) =>
  z
    .number({ error: `${label}: enter a whole number` })
    .check(
      z.int(`${label} must be a whole number`),
      z.gte(min, `${label} must be at least ${min}`),
      z.lte(max, `${label} must be at most ${max}`),
    );

export const DNS_LABEL_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
export const DOMAIN_PATTERN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

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
      hotDays: intIn(1, 365, 'Hot tier days'),
      warmDays: intIn(2, 3650, 'Warm tier days'),
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

export const dnsSchema = z
  .object({
    mode: enumOf(DNS_MODE_IDS),
    poolDomain: enumOf(POOL_DOMAINS),
    subdomain: z.string(),
    domain: z.string(),
    registrar: enumOf(REGISTRAR_IDS),
    luaPolicy: enumOf(LUA_POLICY_IDS),
    dnssec: z.boolean(),
    tlsIssuer: enumOf(TLS_ISSUER_IDS),
    /** The Secret holding the corporate CA's tls.crt and tls.key (issuer corporate-ca only). */
    caSecretName: z.optional(z.string()),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.tlsIssuer === 'corporate-ca' && !DNS_LABEL_PATTERN.test(d.caSecretName ?? '')) {
        ctx.issues.push({
          code: 'custom',
          input: d.caSecretName,
          path: ['caSecretName'],
          message: d.caSecretName
            ? 'CA Secret: a Kubernetes name (lowercase letters, digits, hyphens)'
            : "CA Secret: name the Secret with your CA's certificate and key, or choose Let's Encrypt",
        });
      }
      if (d.mode === 'pool') {
        if (!d.subdomain) {
          ctx.issues.push({
            code: 'custom',
            input: d.subdomain,
            path: ['subdomain'],
            message: 'Subdomain is required',
          });
        } else if (!DNS_LABEL_PATTERN.test(d.subdomain)) {
          ctx.issues.push({
            code: 'custom',
            input: d.subdomain,
            path: ['subdomain'],
            message:
              'Subdomain: lowercase letters, digits and hyphens, at most 63, not starting or ending with a hyphen',
          });
        }
      } else if (!d.domain) {
        ctx.issues.push({
          code: 'custom',
          input: d.domain,
          path: ['domain'],
          message: 'Domain is required',
        });
      } else {
        const problem = domainProblem(d.domain, DOMAIN_PATTERN);
        if (problem)
          ctx.issues.push({ code: 'custom', input: d.domain, path: ['domain'], message: problem });
      }
    }),
  );
export type DnsDraft = z.infer<typeof dnsSchema>;

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

export { DRAFT_VERSION, EMPTY_SECRETS } from '../lib/draft-defaults';

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
