// The provisioning manifest (kind Sovereign): the one contract between the wizard, the
// download, the CLI, the bootstrap API and the GitOps renderer. Shapes only: the zod shape here is
// the source of the JSON Schema; `validateManifest` (src/shared/lib/manifest/validate.ts) adds the
// checks a shape cannot express.
import * as z from 'zod';
import {
  BUILDING_BLOCK_IDS,
  COLD_BACKEND_IDS,
  DNSSEC_ALGORITHM,
  DNS_LABEL_PATTERN,
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
  TIER_DAYS,
  TLS_ISSUER_IDS,
  TOPOLOGY_IDS,
  VOLUME_GB_RANGE,
  WORKER_COUNT_RANGE,
} from '../constants/domain';

export const MANIFEST_API_VERSION = 'catalyst.openova.io/v1alpha1';
export const MANIFEST_KIND = 'Sovereign';
/** Where the app serves the generated JSON Schema (see public/schema/). */
export const MANIFEST_SCHEMA_PATH = '/schema/sovereign-v1alpha1.json';

/**
 * A chart version, SemVer-ish: `1.2.3`, `v1.16.2`, `3.2.0-final`, `1.0.0-beta.213`, `2026.2.2`,
 * `1.2.3+build.5` (major.minor required; no spaces, quotes, slashes or shell characters).
 */
export const CHART_VERSION_PATTERN =
  /^v?\d{1,9}(\.\d{1,9}){1,2}(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

/** A DNS host name: dot-separated labels of letters, digits and inner hyphens, a trailing dot allowed. */
export const DNS_HOST_NAME_PATTERN =
  /^(?=.{1,253}\.?$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\.?$/;

export const COMPONENT_REASONS = ['mandatory', 'locked', 'chosen', 'dependency'] as const;
/** Why a component is installed: mandatory tier, needed by a mandatory one, chosen, or pulled in. */
export type ComponentReason = (typeof COMPONENT_REASONS)[number];

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
const intIn = (min: number, max: number) => z.int().min(min).max(max);
const k8sName = z
  .string()
  .regex(DNS_LABEL_PATTERN, 'a lowercase Kubernetes name (letters, digits, hyphens)');

export const secretRefSchema = z
  .object({ name: k8sName })
  .meta({ description: 'Names a Secret; the value itself never appears here.' });

const regionSchema = z.strictObject({
  name: z.string().regex(/^region-\d+$/, 'region-<n>, e.g. region-1'),
  cloudRegion: z.string().min(1, 'required'),
  buildingBlocks: z
    .array(enumOf(BUILDING_BLOCK_IDS))
    .min(1)
    .superRefine((blocks, ctx) => {
      const seen = new Set<string>();
      blocks.forEach((b, i) => {
        if (seen.has(b))
          ctx.addIssue({ code: 'custom', path: [i], message: `"${b}" is listed twice` });
        seen.add(b);
      });
    }),
  controlPlane: z.strictObject({
    size: z.string().min(1, 'required'),
    count: z.union([z.literal(1), z.literal(3)]),
  }),
  workers: z.strictObject({
    size: z.string().min(1, 'required'),
    count: intIn(WORKER_COUNT_RANGE.min, WORKER_COUNT_RANGE.max),
    volumeGb: intIn(VOLUME_GB_RANGE.min, VOLUME_GB_RANGE.max).optional().meta({
      description:
        "Extra block volume per worker in GB, added to the size's fixed disk; absent: none.",
    }),
  }),
});

const seaweedfsSchema = z.strictObject({
  masterReplicas: intIn(
    SEAWEEDFS_SETTINGS.masterReplicas.min,
    SEAWEEDFS_SETTINGS.masterReplicas.max,
  ),
  volumeReplicas: intIn(
    SEAWEEDFS_SETTINGS.volumeReplicas.min,
    SEAWEEDFS_SETTINGS.volumeReplicas.max,
  ),
  volumeSizeGi: intIn(SEAWEEDFS_SETTINGS.volumeSizeGi.min, SEAWEEDFS_SETTINGS.volumeSizeGi.max),
  filerReplicas: intIn(SEAWEEDFS_SETTINGS.filerReplicas.min, SEAWEEDFS_SETTINGS.filerReplicas.max),
  s3Replicas: intIn(SEAWEEDFS_SETTINGS.s3Replicas.min, SEAWEEDFS_SETTINGS.s3Replicas.max),
  enableNamePrefix: z.boolean(),
  placement: enumOf(PLACEMENT_MODES),
});

const tiersSchema = z.tuple([
  z.strictObject({
    tier: z.literal('hot'),
    maxAgeDays: intIn(TIER_DAYS.hot.min, TIER_DAYS.hot.max),
  }),
  z.strictObject({
    tier: z.literal('warm'),
    maxAgeDays: intIn(TIER_DAYS.warm.min, TIER_DAYS.warm.max),
  }),
  z.strictObject({
    tier: z.literal('cold'),
    backend: enumOf(COLD_BACKEND_IDS),
    bucket: z.string().min(1, 'required'),
    accountId: z.string().min(1, 'required').optional(),
    region: z.string().min(1, 'required').optional(),
    credentialsSecretRef: secretRefSchema,
  }),
]);

const dnsSchema = z.strictObject({
  mode: enumOf(DNS_MODE_IDS),
  domain: z
    .string()
    .meta({ description: 'The Sovereign domain (pool: <subdomain>.<poolDomain>).' }),
  poolDomain: enumOf(POOL_DOMAINS).optional(),
  subdomain: z.string().optional(),
  registrar: enumOf(REGISTRAR_IDS).optional(),
  registrarSecretRef: secretRefSchema.optional(),
  nameservers: z
    .array(
      z
        .string()
        .max(253, 'a DNS host name is at most 253 characters')
        .regex(DNS_HOST_NAME_PATTERN, 'a DNS host name such as ns1.example.com'),
    )
    .min(1),
  luaPolicy: enumOf(LUA_POLICY_IDS),
  dnssec: z.strictObject({ enabled: z.boolean(), algorithm: z.literal(DNSSEC_ALGORITHM) }),
  tls: z.strictObject({
    issuer: enumOf(TLS_ISSUER_IDS),
    caSecretRef: secretRefSchema.optional().meta({
      description:
        "corporate-ca: the Secret (read from OpenBao) with the CA's tls.crt and tls.key that cert-manager signs with.",
    }),
  }),
});

const blueprintsSchema = z
  .strictObject({
    registry: z.string().regex(OCI_REGISTRY_PATTERN, OCI_REGISTRY_MESSAGE),
    pullSecretRef: secretRefSchema,
  })
  .meta({
    description:
      'Where the Catalyst Blueprint charts bp-<id> are pulled from (an oci:// registry) and the Secret with its pull credentials. Absent: oci://ghcr.io/openova-io with ghcr-pull.',
  });

export const manifestComponentSchema = z.strictObject({
  id: z.string().min(1, 'required'),
  version: z
    .string()
    .max(128, 'a chart version is at most 128 characters')
    .regex(CHART_VERSION_PATTERN, 'a chart version such as 1.2.3, v1.2.3 or 1.2.3-rc.1')
    .nullable()
    .meta({ description: 'Helm chart version, or null.' }),
  reason: enumOf(COMPONENT_REASONS),
  requiredBy: z.array(z.string().min(1, 'required')).optional(),
  settings: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .optional()
    .meta({
      description:
        "The component's typed settings that differ from their defaults (docs/catalog.md, Component settings); each is checked against the component's field.",
    }),
  values: z.record(z.string(), z.unknown()).optional().meta({
    description:
      'Advanced chart values, merged over the defaults and the settings. Never a secret: secrets stay secretRefs.',
  }),
});

/** The shape of a Sovereign manifest; semantic checks are in `validateManifest` (lib/manifest). */
export const sovereignManifestSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'The JSON Schema of this document.' }),
    apiVersion: z.literal(MANIFEST_API_VERSION),
    kind: z.literal(MANIFEST_KIND),
    metadata: z.strictObject({
      name: z
        .string()
        .regex(
          SOVEREIGN_NAME_PATTERN,
          'a Sovereign name: 3 to 32 lowercase letters, digits or hyphens, starting with a letter',
        ),
      labels: z.record(z.string(), z.string()).optional(),
    }),
    spec: z.strictObject({
      organization: z.strictObject({
        name: z.string().min(1, 'required').max(100),
        email: z.email('an email address such as ops@example.com'),
      }),
      infrastructure: z.strictObject({
        provider: enumOf(PROVIDER_IDS),
        topology: enumOf(TOPOLOGY_IDS),
        credentialsSecretRef: secretRefSchema,
        sshPublicKey: z.string().min(1, 'required'),
        regions: z.array(regionSchema).min(1),
      }),
      storage: z.strictObject({
        s3Endpoint: z.string().min(1, 'required'),
        seaweedfs: seaweedfsSchema,
        tiers: tiersSchema,
      }),
      dns: dnsSchema,
      blueprints: blueprintsSchema.optional(),
      components: z.array(manifestComponentSchema),
      installOrder: z.array(z.string().min(1, 'required')),
    }),
    secrets: z.record(k8sName, z.record(z.string(), z.string())).optional().meta({
      description:
        'Secret values by secretRef name, then key. Only present when secrets are included on purpose.',
    }),
  })
  .meta({
    title: 'Catalyst Sovereign manifest',
    description: 'Everything needed to provision an OpenOva Catalyst Sovereign.',
  });

export type SovereignManifest = z.infer<typeof sovereignManifestSchema>;
export type ManifestComponent = z.infer<typeof manifestComponentSchema>;
export type ManifestRegion = z.infer<typeof regionSchema>;
export type ManifestSecrets = NonNullable<SovereignManifest['secrets']>;

/** One problem in a manifest: a path like `spec.dns.domain` or `spec.components[3].id`. */
export interface ManifestProblem {
  path: string;
  message: string;
}

/** The JSON Schema of the manifest (draft-07, what YAML editors understand best). */
export function manifestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(sovereignManifestSchema, { target: 'draft-07', io: 'input' });
  return { ...schema, $id: `https://catalyst.openova.io${MANIFEST_SCHEMA_PATH}` };
}
