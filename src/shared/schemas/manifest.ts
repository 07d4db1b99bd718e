// The provisioning manifest (kind Sovereign): the one contract between the wizard, the
// download, the CLI, the bootstrap API and the GitOps renderer. The zod shape here is the
// source of the JSON Schema; `validateManifest` adds the checks a shape cannot express.
import * as z from 'zod';
import {
  BUILDING_BLOCK_IDS,
  COLD_BACKEND_IDS,
  DNSSEC_ALGORITHM,
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
} from '../constants/domain';
import { getComponent, isComponentId, type ComponentId } from '../constants/components';
import { CATALOG_INDEX } from '../lib/catalog-graph';
import { componentConfigProblems } from './component-config-check';
import { validateDraft } from '../lib/draft';
import { draftFromManifest } from '../lib/manifest';

export const MANIFEST_API_VERSION = 'catalyst.openova.io/v1alpha1';
export const MANIFEST_KIND = 'Sovereign';
/** Where the app serves the generated JSON Schema (see public/schema/). */
export const MANIFEST_SCHEMA_PATH = '/schema/sovereign-v1alpha1.json';

/** A Kubernetes object name (RFC 1123 label): what every secretRef must be. */
export const K8S_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

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
  .regex(K8S_NAME_PATTERN, 'a lowercase Kubernetes name (letters, digits, hyphens)');

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
  z.strictObject({ tier: z.literal('hot'), maxAgeDays: z.int().min(1) }),
  z.strictObject({ tier: z.literal('warm'), maxAgeDays: z.int().min(1) }),
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

/** The shape of a Sovereign manifest; semantic checks are in `validateManifest`. */
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

export type ManifestValidation =
  { ok: true; manifest: SovereignManifest } | { ok: false; problems: ManifestProblem[] };

/** Formats a zod/JS path as `a.b[3].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** The JSON Schema of the manifest (draft-07, what YAML editors understand best). */
export function manifestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(sovereignManifestSchema, { target: 'draft-07', io: 'input' });
  return { ...schema, $id: `https://catalyst.openova.io${MANIFEST_SCHEMA_PATH}` };
}

// ---------------------------------------------------------------------------------------------
// Semantic validation: what the shape cannot say (catalog ids, dependencies, install order, and
// the wizard's own field rules, reused through the draft so each rule is written once).

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function componentProblems(spec: Record<string, unknown>): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const list = Array.isArray(spec.components) ? spec.components : [];
  const listed = new Map<ComponentId, number>();
  list.forEach((entry, i) => {
    const id = isRecord(entry) ? entry.id : undefined;
    if (typeof id !== 'string') return;
    const at = `spec.components[${i}]`;
    if (!isComponentId(id)) {
      problems.push({ path: `${at}.id`, message: `unknown component "${id}"` });
    } else if (listed.has(id)) {
      problems.push({ path: `${at}.id`, message: `component "${id}" is listed twice` });
    } else listed.set(id, i);
  });
  for (const [id, i] of listed) {
    const def = getComponent(id);
    const entry = list[i] as Record<string, unknown>;
    const at = `spec.components[${i}]`;
    for (const p of componentConfigProblems(id, entry, at)) problems.push(p);
    for (const dep of def.dependsOn) {
      if (!listed.has(dep))
        problems.push({ path: at, message: `"${id}" needs "${dep}", which is not in the list` });
    }
    if (entry.reason === 'mandatory' && def.tier !== 'mandatory')
      problems.push({ path: `${at}.reason`, message: `"${id}" is not a mandatory component` });
    if (entry.reason !== 'mandatory' && def.tier === 'mandatory')
      problems.push({
        path: `${at}.reason`,
        message: `"${id}" is mandatory: reason must be "mandatory"`,
      });
    if (
      (entry.reason === 'dependency' || entry.reason === 'locked') &&
      !(CATALOG_INDEX.dependents.get(id) ?? []).some((d) => listed.has(d))
    )
      problems.push({
        path: `${at}.reason`,
        message: `no listed component needs "${id}": reason must be "chosen"`,
      });
    if (def.chart === null && entry.version !== null && entry.version !== undefined)
      problems.push({
        path: `${at}.version`,
        message: `"${id}" has no published chart: version must be null`,
      });
    if (def.chart !== null && entry.version === null)
      problems.push({
        path: `${at}.version`,
        message: `"${id}" needs a chart version (catalog: ${def.chart.version})`,
      });
  }
  if (Array.isArray(spec.components)) {
    for (const id of CATALOG_INDEX.mandatory) {
      if (!listed.has(id))
        problems.push({
          path: 'spec.components',
          message: `mandatory component "${id}" is missing`,
        });
    }
  }
  return [...problems, ...installOrderProblems(spec.installOrder, listed)];
}

function installOrderProblems(
  order: unknown,
  listed: ReadonlyMap<ComponentId, number>,
): ManifestProblem[] {
  if (!Array.isArray(order)) return [];
  const problems: ManifestProblem[] = [];
  const position = new Map<string, number>();
  order.forEach((id, i) => {
    if (typeof id !== 'string') return;
    if (position.has(id))
      problems.push({ path: `spec.installOrder[${i}]`, message: `"${id}" is listed twice` });
    else position.set(id, i);
    if (!listed.has(id as ComponentId))
      problems.push({
        path: `spec.installOrder[${i}]`,
        message: `"${id}" is not in spec.components`,
      });
  });
  for (const id of listed.keys()) {
    const at = position.get(id);
    if (at === undefined) {
      problems.push({ path: 'spec.installOrder', message: `"${id}" is missing` });
      continue;
    }
    for (const dep of getComponent(id).dependsOn) {
      const depAt = position.get(dep);
      if (depAt !== undefined && depAt > at)
        problems.push({
          path: `spec.installOrder[${at}]`,
          message: `"${id}" comes before its dependency "${dep}"`,
        });
    }
  }
  return problems;
}

/** Draft field path → manifest path; the reverse lives in src/shared/api/problem-fields.ts. */
const DRAFT_TO_MANIFEST: [RegExp, string | ((...m: string[]) => string)][] = [
  [/^infrastructure\.sovereignName$/, 'metadata.name'],
  [/^infrastructure\.organization\.(.+)$/, (_, r) => `spec.organization.${r}`],
  [
    /^infrastructure\.regions\.(\d+)\.controlPlane\.ha$/,
    (_, n) => `spec.infrastructure.regions[${n}].controlPlane.count`,
  ],
  [
    /^infrastructure\.regions\.(\d+)(\..+)?$/,
    (_, n, r) => `spec.infrastructure.regions[${n}]${r ?? ''}`,
  ],
  [/^infrastructure\.(.+)$/, (_, r) => `spec.infrastructure.${r}`],
  [/^storage\.tiers\.hotDays$/, 'spec.storage.tiers[0].maxAgeDays'],
  [/^storage\.tiers\.warmDays$/, 'spec.storage.tiers[1].maxAgeDays'],
  [/^storage\.cold\.(.+)$/, (_, r) => `spec.storage.tiers[2].${r}`],
  [/^storage\.(.+)$/, (_, r) => `spec.storage.${r}`],
  [/^dns\.caSecretName$/, 'spec.dns.tls.caSecretRef.name'],
  [/^dns\.(.+)$/, (_, r) => `spec.dns.${r}`],
  [/^blueprints\.registry$/, 'spec.blueprints.registry'],
  [/^blueprints\.pullSecretName$/, 'spec.blueprints.pullSecretRef.name'],
];

/** Maps a draft field path (`storage.cold.bucket`) to its manifest path. */
export function manifestPathOfDraftPath(path: string): string {
  for (const [re, to] of DRAFT_TO_MANIFEST) {
    const m = re.exec(path);
    if (m) return typeof to === 'string' ? to : to(...(m as unknown as string[]));
  }
  return path;
}

function dnsProblems(dns: SovereignManifest['spec']['dns']): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  if (dns.mode === 'pool') {
    if (!dns.poolDomain)
      problems.push({ path: 'spec.dns.poolDomain', message: 'required in pool mode' });
    if (dns.subdomain === undefined)
      problems.push({ path: 'spec.dns.subdomain', message: 'required in pool mode' });
    if (dns.poolDomain && dns.subdomain && dns.domain !== `${dns.subdomain}.${dns.poolDomain}`)
      problems.push({
        path: 'spec.dns.domain',
        message: `must be "${dns.subdomain}.${dns.poolDomain}" (subdomain.poolDomain)`,
      });
  }
  if (dns.mode === 'byo-api') {
    if (!dns.registrar)
      problems.push({ path: 'spec.dns.registrar', message: 'required in byo-api mode' });
    if (!dns.registrarSecretRef)
      problems.push({ path: 'spec.dns.registrarSecretRef', message: 'required in byo-api mode' });
  }
  return problems;
}

/** Validates anything against the manifest contract; every problem names its path, never throws. */
export function validateManifest(input: unknown): ManifestValidation {
  const parsed = sovereignManifestSchema.safeParse(input);
  const problems: ManifestProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const spec = isRecord(input) && isRecord(input.spec) ? input.spec : undefined;
  // Loops, not push(...list): spreading 100k+ problems as arguments overflows the stack.
  if (spec) for (const p of componentProblems(spec)) problems.push(p);
  if (parsed.success) {
    const m = parsed.data;
    for (const p of dnsProblems(m.spec.dns)) problems.push(p);
    const fieldErrors = validateDraft(draftFromManifest(m)).filter((e) => e.step !== 'components');
    for (const e of fieldErrors)
      problems.push({ path: manifestPathOfDraftPath(e.path), message: e.message });
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return unique.length === 0 && parsed.success
    ? { ok: true, manifest: parsed.data }
    : { ok: false, problems: unique };
}
