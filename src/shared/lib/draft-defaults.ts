// The zod-free half of the draft model: defaults, topology-driven regions, the Sovereign's
// domain and the DOM id of each field. The store and the first page import this file only, so
// zod (validation, in draft.ts) loads when it is first needed.
import { COMPONENTS, type ComponentId } from '../constants/components';
import {
  BLUEPRINT_REGISTRY_DEFAULT,
  DEFAULT_COLD_BACKEND,
  DEFAULT_TOPOLOGY,
  OPENOVA_NAMESERVERS,
  SEAWEEDFS_SETTINGS,
  TIER_DAYS,
  getProvider,
  getTopology,
  type ProviderId,
  type TopologyId,
} from '../constants/domain';
import type { StepId } from '../constants/steps';
import type { Draft, DraftSecrets, RegionDraft } from '../schemas/draft';
import type { DnsDraft } from '../schemas/draft-dns';

/** The persisted draft's shape version; bump it with a migration in the draft store. */
export const DRAFT_VERSION = 2;

/** No secret entered yet. */
export const EMPTY_SECRETS: DraftSecrets = {
  providerToken: '',
  registrarToken: '',
  coldAccessKeyId: '',
  coldSecretAccessKey: '',
};

/** One problem with a field: its path in the draft and a message that names the field. */
export interface FieldError {
  step: StepId;
  path: string;
  message: string;
}

/** The DOM id of the input for a draft path, so errors can link and focus it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** The recommended components chosen by default (mandatory ones are installed regardless). */
export function defaultChosen(): ComponentId[] {
  return COMPONENTS.filter((c) => c.tier === 'recommended').map((c) => c.id);
}

/** Workers per region by default: with the default sizes the default platform stays under 80%. */
export const DEFAULT_WORKER_COUNT = 4;

/** Regions for a topology: keeps what the user set for existing regions, fills the rest with defaults. */
export function regionsForTopology(
  topology: TopologyId,
  provider: ProviderId,
  existing: readonly RegionDraft[] = [],
): RegionDraft[] {
  const p = getProvider(provider);
  return getTopology(topology).regions.map((slot, i) => {
    const prev = existing[i];
    const cloudRegion =
      prev?.cloudRegion && p.regions.includes(prev.cloudRegion)
        ? prev.cloudRegion
        : (p.regions[i % p.regions.length] ?? '');
    const keepSize = (size: string | undefined, fallback: string) =>
      size && p.sizes.some((s) => s.id === size) ? size : fallback;
    return {
      cloudRegion,
      buildingBlocks: [...slot.blocks],
      controlPlane: {
        size: keepSize(prev?.controlPlane.size, p.defaultSize),
        ha: prev?.controlPlane.ha ?? true,
      },
      workers: {
        size: keepSize(prev?.workers.size, p.defaultWorkerSize),
        count: prev?.workers.count ?? DEFAULT_WORKER_COUNT,
      },
    };
  });
}

/** A fresh draft with the defaults a user can press Next through (real values left empty). */
export function createDefaultDraft(): Draft {
  return {
    infrastructure: {
      provider: 'hetzner',
      sovereignName: '',
      organization: { name: '', email: '' },
      topology: DEFAULT_TOPOLOGY,
      regions: regionsForTopology(DEFAULT_TOPOLOGY, 'hetzner'),
      sshPublicKey: '',
    },
    storage: {
      seaweedfs: {
        masterReplicas: SEAWEEDFS_SETTINGS.masterReplicas.default,
        volumeReplicas: SEAWEEDFS_SETTINGS.volumeReplicas.default,
        volumeSizeGi: SEAWEEDFS_SETTINGS.volumeSizeGi.default,
        filerReplicas: SEAWEEDFS_SETTINGS.filerReplicas.default,
        s3Replicas: SEAWEEDFS_SETTINGS.s3Replicas.default,
        enableNamePrefix: true,
        placement: 'active-active',
      },
      tiers: { hotDays: TIER_DAYS.hot.default, warmDays: TIER_DAYS.warm.default },
      cold: {
        backend: DEFAULT_COLD_BACKEND,
        bucket: 'catalyst-cold-archive',
        accountId: '',
        region: '',
      },
    },
    dns: {
      mode: 'pool',
      poolDomain: 'omani.works',
      subdomain: '',
      domain: '',
      registrar: 'cloudflare',
      luaPolicy: 'active-active',
      dnssec: true,
      tlsIssuer: 'letsencrypt',
    },
    components: { chosen: defaultChosen() },
    blueprints: {
      registry: BLUEPRINT_REGISTRY_DEFAULT.registry,
      pullSecretName: BLUEPRINT_REGISTRY_DEFAULT.pullSecretRef.name,
    },
  };
}

/** The Sovereign's DNS domain, or '' while it is not set. */
export function sovereignDomain(dns: DnsDraft): string {
  if (dns.mode === 'pool') return dns.subdomain ? `${dns.subdomain}.${dns.poolDomain}` : '';
  return dns.domain;
}

/** The nameservers the domain must be delegated to (byo modes) or that already serve it (pool). */
export function delegatedNameservers(): readonly string[] {
  return OPENOVA_NAMESERVERS;
}
