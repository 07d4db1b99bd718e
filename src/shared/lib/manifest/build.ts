// The wizard draft as a Sovereign manifest and back. Pure: both directions are functions of
// their input and the catalog, and `draftFromManifest(buildManifest(d))` equals `canonicalDraft(d)`.
import { HA_CONTROL_PLANE_NODES, controlPlaneCount } from '../node-pools';
import {
  COMPONENTS,
  getComponent,
  isComponentId,
  type ComponentId,
} from '../../constants/components';
import {
  BLUEPRINT_REGISTRY_DEFAULT,
  DNSSEC_ALGORITHM,
  OPENOVA_NAMESERVERS,
  S3_ENDPOINT,
  type DnsModeId,
} from '../../constants/domain';
import type { Draft, DraftSecrets } from '../../schemas/draft';
import type { DnsDraft } from '../../schemas/draft-dns';
import {
  MANIFEST_API_VERSION,
  MANIFEST_KIND,
  type ComponentReason,
  type ManifestComponent,
  type ManifestSecrets,
  type SovereignManifest,
} from '../../schemas/manifest';
import { CATALOG_INDEX } from '../catalog-graph';
import { createDefaultDraft, sovereignDomain } from '../draft';
import { recordedReason } from '../../constants/reasons';
import { resolveSelection } from '../resolve-selection';
import { topologicalOrder } from '../topological-order';
import { canonicalConfig, configFromManifest, withComponentConfig } from './config';

/** The names of the Secrets a manifest refers to; the values travel only in `secrets`. */
export const SECRET_REFS = {
  provider: 'provider-credentials',
  coldTier: 'cold-tier-credentials',
  registrar: 'registrar-credentials',
} as const;

/** The manifest name of the region at this index: `region-1`, `region-2`, ... */
export const regionName = (index: number): string => `region-${index + 1}`;

/** Where a manifest's Blueprint charts come from: `spec.blueprints`, or the default before it existed. */
export function blueprintRegistry(
  manifest: Pick<SovereignManifest, 'spec'>,
): NonNullable<SovereignManifest['spec']['blueprints']> {
  const b = manifest.spec.blueprints ?? BLUEPRINT_REGISTRY_DEFAULT;
  return { registry: b.registry, pullSecretRef: { name: b.pullSecretRef.name } };
}

/**
 * The draft the manifest can represent: chosen ids known, unique, non-mandatory and in catalog
 * order; DNS fields the mode does not use reset to their defaults.
 */
export function canonicalDraft(draft: Draft): Draft {
  const chosen = new Set<string>(draft.components.chosen);
  const defaults = createDefaultDraft().dns;
  const dns = { ...draft.dns };
  if (dns.mode === 'pool') dns.domain = defaults.domain;
  else {
    dns.poolDomain = defaults.poolDomain;
    dns.subdomain = defaults.subdomain;
  }
  if (dns.mode !== 'byo-api') dns.registrar = defaults.registrar;
  // The CA Secret belongs to the corporate-ca issuer; an empty name is no name.
  if (dns.tlsIssuer !== 'corporate-ca' || !dns.caSecretName) delete dns.caSecretName;
  return {
    ...draft,
    dns,
    components: {
      chosen: COMPONENTS.filter((c) => c.tier !== 'mandatory' && chosen.has(c.id)).map((c) => c.id),
      ...canonicalConfig(
        draft.components,
        resolveSelection(CATALOG_INDEX, draft.components.chosen).installed,
      ),
    },
  };
}

/** The installed components with reasons, in catalog order, and a valid install order. */
export function manifestComponents(chosen: readonly string[]): {
  components: ManifestComponent[];
  installOrder: ComponentId[];
} {
  const resolved = resolveSelection(CATALOG_INDEX, chosen);
  const components = [...resolved.installed].map((id): ManifestComponent => {
    const def = getComponent(id);
    // A chosen component stays chosen in the record even when a mandatory one also needs it.
    const reason: ComponentReason = recordedReason({
      mandatory: def.tier === 'mandatory',
      locked: resolved.locked.has(id),
      chosen: resolved.chosen.has(id),
    });
    const requiredBy = resolved.requiredBy.get(id) ?? [];
    return {
      id,
      version: def.chart?.version ?? null,
      reason,
      ...(requiredBy.length ? { requiredBy: [...requiredBy] } : {}),
    };
  });
  const order = topologicalOrder(CATALOG_INDEX, resolved.installed);
  return { components, installOrder: order.ok ? order.order : [...resolved.installed] };
}

/** A worker pool with its extra volume only when it has one (the draft's and the manifest's shape). */
function workersSpec(w: { size: string; count: number; volumeGb?: number | undefined }): {
  size: string;
  count: number;
  volumeGb?: number;
} {
  return {
    size: w.size,
    count: w.count,
    ...(w.volumeGb !== undefined ? { volumeGb: w.volumeGb } : {}),
  };
}

function dnsSpec(dns: DnsDraft): SovereignManifest['spec']['dns'] {
  return {
    mode: dns.mode,
    domain: sovereignDomain(dns),
    ...(dns.mode === 'pool' ? { poolDomain: dns.poolDomain, subdomain: dns.subdomain } : {}),
    ...(dns.mode === 'byo-api'
      ? { registrar: dns.registrar, registrarSecretRef: { name: SECRET_REFS.registrar } }
      : {}),
    nameservers: [...OPENOVA_NAMESERVERS],
    luaPolicy: dns.luaPolicy,
    dnssec: { enabled: dns.dnssec, algorithm: DNSSEC_ALGORITHM },
    tls: {
      issuer: dns.tlsIssuer,
      ...(dns.tlsIssuer === 'corporate-ca' && dns.caSecretName
        ? { caSecretRef: { name: dns.caSecretName } }
        : {}),
    },
  };
}

/** The component entries with the draft's settings (only what differs) and advanced values. */
function withConfig(
  m: ReturnType<typeof manifestComponents>,
  draft: Draft,
): ReturnType<typeof manifestComponents> {
  return { ...m, components: withComponentConfig(m.components, draft.components) };
}

/** The Sovereign manifest of a draft; built for invalid drafts too, so Review can show it. */
export function buildManifest(draft: Draft): SovereignManifest {
  const { infrastructure: infra, storage } = draft;
  const cold = storage.cold;
  return {
    apiVersion: MANIFEST_API_VERSION,
    kind: MANIFEST_KIND,
    metadata: { name: infra.sovereignName },
    spec: {
      organization: { name: infra.organization.name, email: infra.organization.email },
      infrastructure: {
        provider: infra.provider,
        topology: infra.topology,
        credentialsSecretRef: { name: SECRET_REFS.provider },
        sshPublicKey: infra.sshPublicKey,
        regions: infra.regions.map((r, i) => ({
          name: regionName(i),
          cloudRegion: r.cloudRegion,
          buildingBlocks: [...r.buildingBlocks],
          controlPlane: { size: r.controlPlane.size, count: controlPlaneCount(r.controlPlane) },
          workers: workersSpec(r.workers),
        })),
      },
      storage: {
        s3Endpoint: S3_ENDPOINT,
        seaweedfs: { ...storage.seaweedfs },
        tiers: [
          { tier: 'hot', maxAgeDays: storage.tiers.hotDays },
          { tier: 'warm', maxAgeDays: storage.tiers.warmDays },
          {
            tier: 'cold',
            backend: cold.backend,
            bucket: cold.bucket,
            ...(cold.accountId ? { accountId: cold.accountId } : {}),
            ...(cold.region ? { region: cold.region } : {}),
            credentialsSecretRef: { name: SECRET_REFS.coldTier },
          },
        ],
      },
      dns: dnsSpec(draft.dns),
      blueprints: {
        registry: draft.blueprints.registry,
        pullSecretRef: { name: draft.blueprints.pullSecretName },
      },
      ...withConfig(manifestComponents(draft.components.chosen), draft),
    },
  };
}

function dnsDraft(dns: SovereignManifest['spec']['dns']): DnsDraft {
  const defaults = createDefaultDraft().dns;
  const mode: DnsModeId = dns.mode;
  return {
    mode,
    poolDomain: mode === 'pool' ? (dns.poolDomain ?? defaults.poolDomain) : defaults.poolDomain,
    subdomain: mode === 'pool' ? (dns.subdomain ?? defaults.subdomain) : defaults.subdomain,
    domain: mode === 'pool' ? defaults.domain : dns.domain,
    registrar: mode === 'byo-api' ? (dns.registrar ?? defaults.registrar) : defaults.registrar,
    luaPolicy: dns.luaPolicy,
    dnssec: dns.dnssec.enabled,
    tlsIssuer: dns.tls.issuer,
    ...(dns.tls.caSecretRef ? { caSecretName: dns.tls.caSecretRef.name } : {}),
  };
}

/** The wizard draft a manifest describes; `chosen` is the components with reason 'chosen'. */
export function draftFromManifest(manifest: SovereignManifest): Draft {
  const { infrastructure: infra, storage } = manifest.spec;
  const [hot, warm, cold] = storage.tiers;
  const blueprints = blueprintRegistry(manifest);
  return {
    infrastructure: {
      provider: infra.provider,
      sovereignName: manifest.metadata.name,
      organization: { ...manifest.spec.organization },
      topology: infra.topology,
      regions: infra.regions.map((r) => ({
        cloudRegion: r.cloudRegion,
        buildingBlocks: [...r.buildingBlocks],
        controlPlane: {
          size: r.controlPlane.size,
          ha: r.controlPlane.count === HA_CONTROL_PLANE_NODES,
        },
        workers: workersSpec(r.workers),
      })),
      sshPublicKey: infra.sshPublicKey,
    },
    storage: {
      seaweedfs: { ...storage.seaweedfs },
      tiers: { hotDays: hot.maxAgeDays, warmDays: warm.maxAgeDays },
      cold: {
        backend: cold.backend,
        bucket: cold.bucket,
        accountId: cold.accountId ?? '',
        region: cold.region ?? '',
      },
    },
    dns: dnsDraft(manifest.spec.dns),
    components: {
      chosen: manifest.spec.components
        .filter((c) => c.reason === 'chosen')
        .map((c) => c.id)
        .filter(isComponentId),
      ...configFromManifest(manifest.spec.components),
    },
    blueprints: { registry: blueprints.registry, pullSecretName: blueprints.pullSecretRef.name },
  };
}

/** The `secrets` block for a manifest: only the secrets it refers to, only non-empty values. */
export function manifestSecrets(
  manifest: SovereignManifest,
  secrets: DraftSecrets,
): ManifestSecrets {
  const out: ManifestSecrets = {};
  if (secrets.providerToken) out[SECRET_REFS.provider] = { token: secrets.providerToken };
  if (secrets.coldAccessKeyId || secrets.coldSecretAccessKey) {
    out[SECRET_REFS.coldTier] = {
      accessKeyId: secrets.coldAccessKeyId,
      secretAccessKey: secrets.coldSecretAccessKey,
    };
  }
  if (manifest.spec.dns.registrarSecretRef && secrets.registrarToken) {
    out[manifest.spec.dns.registrarSecretRef.name] = { token: secrets.registrarToken };
  }
  return out;
}

/** The manifest with its `secrets` block set (for the POST body or an explicit export). */
export function withSecrets(manifest: SovereignManifest, secrets: DraftSecrets): SovereignManifest {
  return { ...manifest, secrets: manifestSecrets(manifest, secrets) };
}

/** The wizard secrets carried by a manifest's `secrets` block ('' where absent). */
export function draftSecretsFromManifest(manifest: SovereignManifest): DraftSecrets {
  const s = manifest.secrets ?? {};
  const registrar = manifest.spec.dns.registrarSecretRef?.name ?? SECRET_REFS.registrar;
  return {
    providerToken: s[SECRET_REFS.provider]?.token ?? '',
    registrarToken: s[registrar]?.token ?? '',
    coldAccessKeyId: s[SECRET_REFS.coldTier]?.accessKeyId ?? '',
    coldSecretAccessKey: s[SECRET_REFS.coldTier]?.secretAccessKey ?? '',
  };
}
