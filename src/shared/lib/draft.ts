// Pure functions over the wizard draft: defaults, topology-driven regions, the Sovereign's
// domain, and per-step validation that names every field.
import { COMPONENTS, type ComponentId } from '../constants/components';
import {
  DEFAULT_COLD_BACKEND,
  DEFAULT_TOPOLOGY,
  OPENOVA_NAMESERVERS,
  REGISTRARS,
  SEAWEEDFS_SETTINGS,
  getProvider,
  getTopology,
  type ProviderId,
  type TopologyId,
} from '../constants/domain';
import { STEPS, type StepId } from '../constants/steps';
import { parseSshPublicKey } from './ssh-key';
import {
  dnsSchema,
  infrastructureSchema,
  storageSchema,
  componentsSchema,
  type Draft,
  type DnsDraft,
  type DraftSecrets,
  type RegionDraft,
} from '../schemas/draft';

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
    const keepSize = (size: string | undefined) =>
      size && p.sizes.some((s) => s.id === size) ? size : p.defaultSize;
    return {
      cloudRegion,
      buildingBlocks: [...slot.blocks],
      controlPlane: { size: keepSize(prev?.controlPlane.size), ha: prev?.controlPlane.ha ?? true },
      workers: { size: keepSize(prev?.workers.size), count: prev?.workers.count ?? 3 },
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
      tiers: { hotDays: 7, warmDays: 30 },
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

type Issue = { path: readonly PropertyKey[]; message: string };
function toErrors(step: StepId, prefix: string, issues: readonly Issue[]): FieldError[] {
  return issues.map((i) => ({
    step,
    path: [prefix, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
}

function secretErrors(step: StepId, draft: Draft, secrets: DraftSecrets): FieldError[] {
  const out: FieldError[] = [];
  if (step === 'infrastructure') {
    const cred = getProvider(draft.infrastructure.provider).credential;
    if (!secrets.providerToken)
      out.push({ step, path: 'secrets.providerToken', message: `${cred.label} is required` });
    else if (!cred.pattern.test(secrets.providerToken.trim()))
      out.push({ step, path: 'secrets.providerToken', message: `${cred.label}: ${cred.hint}` });
  }
  if (step === 'storage') {
    if (secrets.coldAccessKeyId.trim().length < 16)
      out.push({
        step,
        path: 'secrets.coldAccessKeyId',
        message: 'Cold-tier access key id: at least 16 characters',
      });
    if (secrets.coldSecretAccessKey.trim().length < 16)
      out.push({
        step,
        path: 'secrets.coldSecretAccessKey',
        message: 'Cold-tier secret access key: at least 16 characters',
      });
  }
  if (step === 'dns' && draft.dns.mode === 'byo-api') {
    const reg = REGISTRARS.find((r) => r.id === draft.dns.registrar);
    if (!secrets.registrarToken)
      out.push({
        step,
        path: 'secrets.registrarToken',
        message: `${reg?.name ?? 'Registrar'} API token is required`,
      });
    else if (reg && !reg.tokenPattern.test(secrets.registrarToken.trim()))
      out.push({
        step,
        path: 'secrets.registrarToken',
        message: `${reg.name} API token: ${reg.tokenHint}`,
      });
  }
  return out;
}

/** Every problem on one step, each naming its field; secrets are checked only when `secrets` is given. */
export function validateStep(step: StepId, draft: Draft, secrets?: DraftSecrets): FieldError[] {
  const errors: FieldError[] = [];
  const run = (
    schema: { safeParse(v: unknown): { success: boolean; error?: { issues: Issue[] } } },
    value: unknown,
    prefix: string,
  ) => {
    const r = schema.safeParse(value);
    if (!r.success && r.error) errors.push(...toErrors(step, prefix, r.error.issues));
  };
  if (step === 'infrastructure') {
    run(infrastructureSchema, draft.infrastructure, 'infrastructure');
    const key = draft.infrastructure.sshPublicKey;
    const parsed = key.trim() ? parseSshPublicKey(key) : null;
    if (parsed && !parsed.ok)
      errors.push({
        step,
        path: 'infrastructure.sshPublicKey',
        message: `SSH public key: ${parsed.error}`,
      });
  }
  if (step === 'storage') run(storageSchema, draft.storage, 'storage');
  if (step === 'dns') run(dnsSchema, draft.dns, 'dns');
  if (step === 'components') run(componentsSchema, draft.components, 'components');
  if (secrets) errors.push(...secretErrors(step, draft, secrets));
  return errors;
}

/** Every problem in the draft, in step order. */
export function validateDraft(draft: Draft, secrets?: DraftSecrets): FieldError[] {
  return (['infrastructure', 'storage', 'dns', 'components'] as const).flatMap((s) =>
    validateStep(s, draft, secrets),
  );
}

/** The first step with a problem (secrets not checked, as they do not survive a reload), else review. */
export function firstIncompleteStep(draft: Draft): StepId {
  const step = STEPS.find((s) => s.id !== 'review' && validateStep(s.id, draft).length > 0);
  return step?.id ?? 'review';
}
