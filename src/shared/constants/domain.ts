// Facts of the provisioning domain: providers, regions, server sizes, topologies, storage
// tiers, cold-tier backends, DNS modes and registrars. From ../shared/catalog/domain.json.

export const PROVIDER_IDS = ['hetzner', 'aws', 'azure', 'oci', 'huawei'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** A machine size offered by a provider. */
export interface ServerSize {
  readonly id: string;
  readonly vcpu: number;
  readonly ramGiB: number;
  readonly diskGB: number;
  readonly eurPerMonth: number;
  /** true where the price is an estimate converted from the provider's on-demand list price. */
  readonly priceIsEstimate: boolean;
  /** The CPU architecture when it is not x86-64 (Hetzner's cax sizes are Arm64). */
  readonly arch?: 'arm64';
  /** GPUs per node; absent: none (no size listed today has one). */
  readonly gpus?: number;
}

/** How a provider's API credential looks, checked in the browser before anything is sent. */
export interface CredentialFormat {
  readonly label: string;
  readonly placeholder: string;
  readonly pattern: RegExp;
  readonly hint: string;
}

export interface ProviderDef {
  readonly id: ProviderId;
  readonly name: string;
  readonly regions: readonly string[];
  readonly sizes: readonly ServerSize[];
  /** Default control-plane node size. */
  readonly defaultSize: string;
  /** Default worker node size: big enough that the default platform fits four of them per region. */
  readonly defaultWorkerSize: string;
  readonly credential: CredentialFormat;
  /**
   * Whether the repository gets an OpenTofu module for this provider (infra/<provider>/). Without
   * one the deployment is plan only: the Flux tree and the plan, nothing that creates machines.
   */
  readonly hasModule: boolean;
}

const hetzner = (
  id: string,
  vcpu: number,
  ramGiB: number,
  diskGB: number,
  eurPerMonth: number,
): ServerSize => ({
  id,
  vcpu,
  ramGiB,
  diskGB,
  eurPerMonth,
  priceIsEstimate: false,
});
const estimated = (
  id: string,
  vcpu: number,
  ramGiB: number,
  diskGB: number,
  eurPerMonth: number,
): ServerSize => ({
  id,
  vcpu,
  ramGiB,
  diskGB,
  eurPerMonth,
  priceIsEstimate: true,
});

/** What a provider card says when the provider has no OpenTofu module (`hasModule: false`). */
export const PLAN_ONLY_CARD = 'Plan only: no OpenTofu module yet';

export const PROVIDERS: readonly ProviderDef[] = [
  {
    id: 'hetzner',
    hasModule: true,
    name: 'Hetzner Cloud',
    regions: ['fsn1', 'nbg1', 'hel1', 'ash', 'hil'],
    defaultSize: 'cpx32',
    defaultWorkerSize: 'cpx42',
    sizes: [
      hetzner('cx23', 2, 4, 40, 3.99),
      hetzner('cx33', 4, 8, 80, 6.49),
      hetzner('cx43', 8, 16, 160, 11.99),
      hetzner('cx53', 16, 32, 320, 22.49),
      hetzner('cpx22', 2, 4, 80, 7.99),
      hetzner('cpx32', 4, 8, 160, 14.49),
      hetzner('cpx42', 8, 16, 320, 25.49),
      hetzner('cpx52', 12, 24, 480, 36.49),
      hetzner('cpx62', 16, 32, 640, 50.49),
      { ...hetzner('cax11', 2, 4, 40, 4.49), arch: 'arm64' },
      { ...hetzner('cax21', 4, 8, 80, 7.99), arch: 'arm64' },
      { ...hetzner('cax31', 8, 16, 160, 15.99), arch: 'arm64' },
      { ...hetzner('cax41', 16, 32, 320, 31.49), arch: 'arm64' },
      hetzner('ccx13', 2, 8, 80, 15.99),
      hetzner('ccx23', 4, 16, 160, 31.49),
      hetzner('ccx33', 8, 32, 240, 62.49),
      hetzner('ccx43', 16, 64, 360, 124.99),
      hetzner('ccx53', 32, 128, 600, 249.99),
      hetzner('ccx63', 48, 192, 960, 374.49),
    ],
    credential: {
      label: 'Hetzner Cloud API token',
      placeholder: '64 letters and digits from Cloud Console → Security → API tokens',
      pattern: /^[A-Za-z0-9]{64}$/,
      hint: 'A Hetzner Cloud API token is 64 letters and digits (read & write).',
    },
  },
  {
    id: 'aws',
    hasModule: false,
    name: 'Amazon Web Services',
    regions: ['eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-1'],
    defaultSize: 'm6i.xlarge',
    defaultWorkerSize: 'm6i.2xlarge',
    sizes: [
      estimated('m6i.large', 2, 8, 100, 82),
      estimated('m6i.xlarge', 4, 16, 100, 164),
      estimated('m6i.2xlarge', 8, 32, 100, 328),
      estimated('c6i.xlarge', 4, 8, 100, 145),
      estimated('r6i.xlarge', 4, 32, 100, 215),
    ],
    credential: {
      label: 'AWS access key (ACCESS_KEY_ID:SECRET_ACCESS_KEY)',
      placeholder: 'AKIA…:…',
      pattern: /^(AKIA|ASIA)[A-Z0-9]{16}:[A-Za-z0-9/+=]{40}$/,
      hint: 'An access key id (AKIA… or ASIA…, 20 characters), a colon, and the 40-character secret access key.',
    },
  },
  {
    id: 'azure',
    hasModule: false,
    name: 'Microsoft Azure',
    regions: ['westeurope', 'northeurope', 'eastus', 'westus2', 'southeastasia'],
    defaultSize: 'Standard_D4s_v5',
    defaultWorkerSize: 'Standard_D8s_v5',
    sizes: [
      estimated('Standard_D2s_v5', 2, 8, 100, 78),
      estimated('Standard_D4s_v5', 4, 16, 100, 156),
      estimated('Standard_D8s_v5', 8, 32, 100, 312),
      estimated('Standard_E4s_v5', 4, 32, 100, 205),
    ],
    credential: {
      label: 'Azure service principal (CLIENT_ID:CLIENT_SECRET)',
      placeholder: '00000000-0000-0000-0000-000000000000:…',
      pattern:
        /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}:\S{30,}$/,
      hint: 'The application (client) id, a colon, and a client secret of at least 30 characters.',
    },
  },
  {
    id: 'oci',
    hasModule: false,
    name: 'Oracle Cloud Infrastructure',
    regions: ['eu-frankfurt-1', 'eu-amsterdam-1', 'us-ashburn-1', 'us-phoenix-1', 'ap-singapore-1'],
    defaultSize: 'VM.Standard.E5.Flex.2.16',
    defaultWorkerSize: 'VM.Standard.E5.Flex.4.32',
    sizes: [
      estimated('VM.Standard.E5.Flex.1.8', 2, 8, 100, 34),
      estimated('VM.Standard.E5.Flex.2.16', 4, 16, 100, 67),
      estimated('VM.Standard.E5.Flex.4.32', 8, 32, 100, 134),
      estimated('VM.Standard.E5.Flex.8.64', 16, 64, 100, 268),
    ],
    credential: {
      label: 'OCI auth token (USER_OCID:TOKEN)',
      placeholder: 'ocid1.user.oc1..…:…',
      pattern: /^ocid1\.user\.oc1\.\.[a-z0-9]{20,}:\S{20,}$/,
      hint: 'Your user OCID (ocid1.user.oc1..…), a colon, and an auth token of at least 20 characters.',
    },
  },
  {
    id: 'huawei',
    hasModule: false,
    name: 'Huawei Cloud',
    regions: ['eu-west-101', 'eu-west-204', 'cn-north-4', 'ap-southeast-1', 'me-east-1'],
    defaultSize: 'c7n.xlarge.2',
    defaultWorkerSize: 'c7n.2xlarge.2',
    sizes: [
      estimated('c7n.large.2', 2, 4, 100, 62),
      estimated('c7n.xlarge.2', 4, 8, 100, 124),
      estimated('c7n.2xlarge.2', 8, 16, 100, 248),
      estimated('c7n.4xlarge.2', 16, 32, 100, 496),
    ],
    credential: {
      label: 'Huawei Cloud access key (AK:SK)',
      placeholder: 'AK (20 characters):SK (40 characters)',
      pattern: /^[A-Z0-9]{20}:[A-Za-z0-9]{40}$/,
      hint: 'The 20-character access key id, a colon, and the 40-character secret access key.',
    },
  },
];

/** The provider definition for an id. */
export function getProvider(id: ProviderId): ProviderDef {
  const p = PROVIDERS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown provider: ${id}`);
  return p;
}

/** A provider's server size by id, or undefined when the provider does not offer it. */
export function findSize(provider: ProviderId, sizeId: string): ServerSize | undefined {
  return getProvider(provider).sizes.find((s) => s.id === sizeId);
}

export const WORKER_COUNT_RANGE = { min: 0, max: 50 } as const;

/**
 * An extra block volume per worker (`workers.volumeGb`, decimal GB as sold), on top of the
 * size's fixed disk. 10240 GB is Hetzner Cloud's largest volume, the smallest maximum of the five.
 */
export const VOLUME_GB_RANGE = { min: 20, max: 10_240 } as const;

/**
 * Block-volume price per GB and month in EUR: estimates from each provider's list price (Hetzner
 * Cloud Volumes €0.044; AWS EBS gp3 $0.08; Azure Premium SSD v2 $0.082; OCI Block Volume balanced
 * $0.0255 plus performance units; Huawei EVS general-purpose SSD $0.08), USD at €0.93, rounded.
 * Shown with ≈ like the other estimates; the bill of the provider is what counts.
 */
export const VOLUME_EUR_PER_GB_MONTH: Readonly<Record<ProviderId, number>> = {
  hetzner: 0.044,
  aws: 0.075,
  azure: 0.076,
  oci: 0.04,
  huawei: 0.075,
};

export const BUILDING_BLOCKS = [
  {
    id: 'mgt',
    name: 'Management',
    description: 'Catalyst control plane, Gitea, Keycloak, observability',
  },
  { id: 'rtz', name: 'Restricted trust zone', description: 'Workloads' },
  { id: 'dmz', name: 'Demilitarised zone', description: 'Ingress-facing services' },
] as const;
export type BuildingBlock = (typeof BUILDING_BLOCKS)[number]['id'];
export const BUILDING_BLOCK_IDS: readonly BuildingBlock[] = BUILDING_BLOCKS.map((b) => b.id);

export interface TopologyDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** One entry per region: its label and the building blocks it carries. */
  readonly regions: readonly {
    readonly label: string;
    readonly blocks: readonly BuildingBlock[];
  }[];
}

export const TOPOLOGIES = [
  {
    id: 'solo',
    name: 'Solo',
    description: 'One region carries every building block.',
    regions: [{ label: 'Region 1 — all components', blocks: ['mgt', 'rtz', 'dmz'] }],
  },
  {
    id: 'compact',
    name: 'Compact',
    description: 'A primary and a secondary region.',
    regions: [
      { label: 'Region 1 — primary', blocks: ['mgt', 'rtz', 'dmz'] },
      { label: 'Region 2 — secondary', blocks: ['rtz', 'dmz'] },
    ],
  },
  {
    id: 'zoned',
    name: 'Zoned',
    description: 'Two regions, each split into DMZ, RTZ and MGMT zones.',
    regions: [
      { label: 'Region 1 — DMZ / RTZ / MGMT', blocks: ['mgt', 'rtz', 'dmz'] },
      { label: 'Region 2 — DMZ / RTZ / MGMT', blocks: ['mgt', 'rtz', 'dmz'] },
    ],
  },
  {
    id: 'dual',
    name: 'Dual',
    description: 'Two full regions side by side.',
    regions: [
      { label: 'Region 1 — MGMT + DMZ + RTZ', blocks: ['mgt', 'rtz', 'dmz'] },
      { label: 'Region 2 — MGMT + DMZ + RTZ', blocks: ['mgt', 'rtz', 'dmz'] },
    ],
  },
  {
    id: 'triangle',
    name: 'Triangle',
    description: 'A control-plane region and two data-plane regions.',
    regions: [
      { label: 'Region 1 — control plane: MGMT', blocks: ['mgt'] },
      { label: 'Region 2 — data plane: DMZ + RTZ', blocks: ['rtz', 'dmz'] },
      { label: 'Region 3 — data plane: DMZ + RTZ', blocks: ['rtz', 'dmz'] },
    ],
  },
  {
    id: 'citadel',
    name: 'Citadel',
    description: 'Two control-plane regions and two data-plane regions.',
    regions: [
      { label: 'Region 1 — control plane: MGMT', blocks: ['mgt'] },
      { label: 'Region 2 — control plane: MGMT', blocks: ['mgt'] },
      { label: 'Region 3 — data plane: DMZ + RTZ', blocks: ['rtz', 'dmz'] },
      { label: 'Region 4 — data plane: DMZ + RTZ', blocks: ['rtz', 'dmz'] },
    ],
  },
] as const satisfies readonly TopologyDef[];
export type TopologyId = (typeof TOPOLOGIES)[number]['id'];
export const TOPOLOGY_IDS: readonly TopologyId[] = TOPOLOGIES.map((t) => t.id);
export const DEFAULT_TOPOLOGY: TopologyId = 'zoned';

/** The topology definition for an id. */
export function getTopology(id: TopologyId): TopologyDef {
  const t = TOPOLOGIES.find((x) => x.id === id);
  if (!t) throw new Error(`unknown topology: ${id}`);
  return t;
}

export const SOVEREIGN_NAME_PATTERN = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;

/** An RFC 1123 label: a Kubernetes object name (every secretRef), a DNS subdomain label. */
export const DNS_LABEL_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** A lowercase domain name with at least one dot and a letters-only top-level label. */
export const DOMAIN_PATTERN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** An S3 bucket name. */
export const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export const S3_ENDPOINT = 'seaweedfs-s3.storage.svc:8333';

/**
 * Where the Catalyst Blueprint charts `bp-<id>` are pulled from, and the Secret holding the pull
 * credentials; an air-gapped Sovereign points the registry at its own mirror.
 */
export const BLUEPRINT_REGISTRY_DEFAULT = {
  registry: 'oci://ghcr.io/openova-io',
  pullSecretRef: { name: 'ghcr-pull' },
} as const;

/** An OCI registry URL with a path: `oci://<host>[:port]/<path>`, no trailing slash. */
export const OCI_REGISTRY_PATTERN =
  /^oci:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9._-]+)+$/;

/** The message of a blueprint registry that is not an `oci://host/path` URL. */
export const OCI_REGISTRY_MESSAGE =
  'Blueprint registry: an OCI URL oci://<host>/<path>, such as oci://ghcr.io/openova-io';

export const STORAGE_TIERS = [
  { tier: 'hot', defaultAge: '0-7d', backend: 'Local NVMe volume servers' },
  { tier: 'warm', defaultAge: '7-30d', backend: 'Local bulk volume servers' },
  { tier: 'cold', defaultAge: '30d+', backend: 'Cloud archive (passthrough)' },
] as const;

/** AWS regions with S3 Glacier storage classes (the commercial regions a Sovereign may archive to). */
const AWS_S3_REGIONS = [
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'me-central-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-northeast-2',
] as const;

/**
 * Where the cold tier can live; `regions` lists the backend's own regions (empty: it has none,
 * Cloudflare R2 is addressed by account id). Hetzner Object Storage is offered in fsn1, nbg1, hel1.
 */
export const COLD_BACKENDS = [
  { id: 'cloudflare-r2', name: 'Cloudflare R2', fields: ['bucket', 'accountId'], regions: [] },
  {
    id: 'aws-s3-glacier',
    name: 'AWS S3 Glacier',
    fields: ['bucket', 'region'],
    regions: AWS_S3_REGIONS,
  },
  {
    id: 'hetzner-object-storage',
    name: 'Hetzner Object Storage',
    fields: ['bucket', 'region'],
    regions: ['fsn1', 'nbg1', 'hel1'],
  },
] as const satisfies readonly {
  id: string;
  name: string;
  fields: readonly string[];
  regions: readonly string[];
}[];

/** The regions of a cold-tier backend (empty for one without regions). */
export function coldBackendRegions(id: ColdBackendId): readonly string[] {
  return COLD_BACKENDS.find((b) => b.id === id)?.regions ?? [];
}
export type ColdBackendId = (typeof COLD_BACKENDS)[number]['id'];
export const COLD_BACKEND_IDS: readonly ColdBackendId[] = COLD_BACKENDS.map((b) => b.id);
export const DEFAULT_COLD_BACKEND: ColdBackendId = 'cloudflare-r2';

/**
 * How long objects stay in the hot and the warm tier (days since written); older ones are cold.
 * The warm tier must end after the hot one (a cross-field rule of the storage schema).
 */
export const TIER_DAYS = {
  hot: { default: 7, min: 1, max: 365 },
  warm: { default: 30, min: 2, max: 3650 },
} as const;

export const SEAWEEDFS_SETTINGS = {
  masterReplicas: { default: 1, min: 1, max: 5 },
  volumeReplicas: { default: 3, min: 1, max: 12 },
  volumeSizeGi: { default: 100, min: 10, max: 10_000 },
  filerReplicas: { default: 1, min: 1, max: 5 },
  s3Replicas: { default: 2, min: 1, max: 5 },
} as const;

export const PLACEMENT_MODES = ['single-region', 'active-active', 'active-hotstandby'] as const;
export type PlacementMode = (typeof PLACEMENT_MODES)[number];
export const PLACEMENT_LABELS: Readonly<Record<PlacementMode, string>> = {
  'single-region': 'Single region',
  'active-active': 'Active-active across regions',
  'active-hotstandby': 'Active / hot standby',
};

export const S3_BUCKETS = [
  'loki-data',
  'mimir-data',
  'tempo-data',
  'velero-backups',
  'cnpg-wal',
  'cnpg-base-backups',
  'harbor-data',
  'opensearch-snapshots',
  'iceberg-warehouse',
  'livekit-recordings',
  'ai-hub-models',
] as const;

/** Components that read or write the SeaweedFS S3 endpoint, with the bucket each uses. */
export const S3_CONSUMERS = {
  loki: ['loki-data'],
  mimir: ['mimir-data'],
  tempo: ['tempo-data'],
  velero: ['velero-backups'],
  cnpg: ['cnpg-wal', 'cnpg-base-backups'],
  harbor: ['harbor-data'],
  opensearch: ['opensearch-snapshots'],
  iceberg: ['iceberg-warehouse'],
  livekit: ['livekit-recordings'],
  kserve: ['ai-hub-models'],
  vllm: ['ai-hub-models'],
} as const satisfies Record<string, readonly (typeof S3_BUCKETS)[number][]>;

export const DNS_MODES = [
  {
    id: 'pool',
    name: 'Pool subdomain',
    description: 'A subdomain of an OpenOva pool domain, ready at once.',
  },
  {
    id: 'byo-manual',
    name: 'Your domain, set by hand',
    description: 'You delegate your domain to the OpenOva nameservers yourself.',
  },
  {
    id: 'byo-api',
    name: 'Your domain, via registrar API',
    description: 'Catalyst sets the nameservers at your registrar.',
  },
] as const;
export type DnsModeId = (typeof DNS_MODES)[number]['id'];
export const DNS_MODE_IDS: readonly DnsModeId[] = DNS_MODES.map((m) => m.id);

export const POOL_DOMAINS = ['omani.works', 'openova.io'] as const;
export type PoolDomain = (typeof POOL_DOMAINS)[number];

export const REGISTRARS = [
  {
    id: 'cloudflare',
    name: 'Cloudflare',
    tokenPattern: /^[A-Za-z0-9_-]{40}$/,
    tokenHint: 'A Cloudflare API token is 40 characters.',
  },
  {
    id: 'namecheap',
    name: 'Namecheap',
    tokenPattern: /^[a-f0-9]{32}$/,
    tokenHint: 'A Namecheap API key is 32 hexadecimal characters.',
  },
  {
    id: 'godaddy',
    name: 'GoDaddy',
    tokenPattern: /^[A-Za-z0-9_]{20,}:[A-Za-z0-9]{16,}$/,
    tokenHint: 'A GoDaddy key and secret as KEY:SECRET.',
  },
  {
    id: 'ovh',
    name: 'OVHcloud',
    tokenPattern: /^[A-Za-z0-9]{16,}:[A-Za-z0-9]{32}:[A-Za-z0-9]{32}$/,
    tokenHint: 'OVH application key, application secret and consumer key as AK:AS:CK.',
  },
  {
    id: 'dynadot',
    name: 'Dynadot',
    tokenPattern: /^[A-Za-z0-9]{20,}$/,
    tokenHint: 'A Dynadot API key is at least 20 letters and digits.',
  },
] as const;
export type RegistrarId = (typeof REGISTRARS)[number]['id'];
export const REGISTRAR_IDS: readonly RegistrarId[] = REGISTRARS.map((r) => r.id);

export const OPENOVA_NAMESERVERS = ['ns1.openova.io', 'ns2.openova.io', 'ns3.openova.io'] as const;
/**
 * The HTTP API of the PowerDNS behind OPENOVA_NAMESERVERS, where the records of every pool and
 * delegated Sovereign zone are written (its key: POWERDNS_API_KEY / TF_VAR_powerdns_api_key).
 */
export const OPENOVA_POWERDNS_API = 'https://pdns.openova.io';

/** How a multi-region placement is answered by PowerDNS lua-records. */
export const LUA_POLICIES = [
  { id: 'single-region', name: 'Single region', record: 'plain A records', lua: null },
  { id: 'active-active', name: 'Active-active', record: "ifurlup selector='all'", lua: 'ifurlup' },
  {
    id: 'active-active-closest',
    name: 'Active-active, closest',
    record: 'pickclosest',
    lua: 'pickclosest',
  },
  {
    id: 'active-hotstandby',
    name: 'Active / hot standby',
    record: "ifurlup selector='pickfirst'",
    lua: 'ifurlup',
  },
  {
    id: 'active-passive-warm',
    name: 'Active / warm passive',
    record: "ifurlup selector='pickfirst', longer TTL",
    lua: 'ifurlup',
  },
  {
    id: 'weighted-canary',
    name: 'Weighted canary',
    record: 'pickwhashed weights',
    lua: 'pickwhashed',
  },
] as const;
export type LuaPolicyId = (typeof LUA_POLICIES)[number]['id'];
export const LUA_POLICY_IDS: readonly LuaPolicyId[] = LUA_POLICIES.map((p) => p.id);

export const DNSSEC_ALGORITHM = 'ECDSAP256SHA256';

export const TLS_ISSUERS = [
  { id: 'letsencrypt', name: "Let's Encrypt (ACME)" },
  { id: 'corporate-ca', name: 'Corporate CA' },
] as const;
export type TlsIssuerId = (typeof TLS_ISSUERS)[number]['id'];
export const TLS_ISSUER_IDS: readonly TlsIssuerId[] = TLS_ISSUERS.map((t) => t.id);

/** Deployment statuses of the bootstrap API. */
export const DEPLOYMENT_STATUSES = [
  'pending',
  'validating',
  'rendering',
  'committing',
  'ready-to-apply',
  'provisioning',
  'tofu-applying',
  'flux-bootstrapping',
  'phase1-watching',
  'ready',
  'failed',
  'cancelled',
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export const COMPONENT_STATES = [
  'pending',
  'installing',
  'installed',
  'degraded',
  'failed',
] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];
