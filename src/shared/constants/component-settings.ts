// Each component's settings, declared once: typed fields with a default, a range, one line of
// help, the chart values they map to and how they move capacity. The zod schemas
// (schemas/component-settings.ts), the manifest check, the values renderer, the capacity totals
// and the settings form are all derived from this table. A data table: exempt from the file
// length rule.
//
// Sources: the chart keys in lib/flux/chart-facts.ts and lib/flux/values/*, the charts'
// values.yaml, and upstream's Blueprint configSchema (openova-io/openova platform/<id>/
// blueprint.yaml: seaweedfs, harbor, librechat, livekit, matrix, vllm, valkey). `verified: false`
// marks a path that was not read off the pinned chart: where that chart is believed to read it.
// Secrets (admin passwords, API keys) are never settings: they stay secretRefs.
// Defaults are what the release gets without the setting (the chart's default, or what the
// catalog's resource figure counts where the chart sets none), so a component at its defaults
// renders exactly the values and capacity it did before settings existed.
import type { ComponentId } from './components';
import type {
  BooleanField,
  EnumField,
  IntegerField,
  QuantityField,
  SettingCapacity,
  SettingField,
  StringField,
  ValueTarget,
} from './settings-types';

const to = (path: string, template?: string): ValueTarget =>
  template ? { path, template } : { path };

export const HOSTNAME_PATTERN =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

interface Opts {
  readonly verified: boolean;
  readonly key?: string;
  readonly label?: string;
  readonly help?: string;
}

function replicas(
  path: string,
  def: number,
  max: number,
  o: Opts & { share?: number; min?: number },
): IntegerField {
  return {
    key: o.key ?? 'replicas',
    label: o.label ?? 'Replicas',
    help: o.help ?? 'Pods of the main workload; more replicas survive a node loss.',
    type: 'integer',
    default: def,
    min: o.min ?? 1,
    max,
    targets: [to(path)],
    verified: o.verified,
    capacity: { role: 'replicas', share: o.share ?? 1 },
  };
}

type PerOpts = Opts & { per?: string; count?: number };
const perOf = (o: PerOpts): SettingCapacity => ({
  role: 'cpu',
  ...(o.per ? { per: o.per } : {}),
  ...(o.count ? { count: o.count } : {}),
});

function cpu(path: string, def: number, o: PerOpts): IntegerField {
  return {
    key: o.key ?? 'cpuRequest',
    label: o.label ?? 'CPU request',
    help: o.help ?? 'CPU reserved per pod of the main workload, in millicores.',
    type: 'integer',
    unit: 'm',
    default: def,
    min: 10,
    max: 64000,
    targets: [to(path, '{}m')],
    verified: o.verified,
    capacity: perOf(o),
  };
}

function memory(path: string, def: number, o: PerOpts): IntegerField {
  return {
    key: o.key ?? 'memoryRequest',
    label: o.label ?? 'Memory request',
    help: o.help ?? 'Memory reserved per pod of the main workload, in MiB.',
    type: 'integer',
    unit: 'MiB',
    default: def,
    min: 16,
    max: 262144,
    targets: [to(path, '{}Mi')],
    verified: o.verified,
    capacity: { ...perOf(o), role: 'memory' },
  };
}

function storage(
  path: string,
  def: string,
  maxGiB: number,
  o: PerOpts & { minGiB?: number },
): QuantityField {
  return {
    key: o.key ?? 'storage',
    label: o.label ?? 'Storage',
    help: o.help ?? 'Size of the persistent volume (e.g. 20Gi).',
    type: 'quantity',
    default: def,
    minGiB: o.minGiB ?? 1,
    maxGiB,
    targets: [to(path)],
    verified: o.verified,
    capacity: { ...perOf(o), role: 'storage' },
  };
}

function hostname(targets: readonly ValueTarget[], help: string, o: Opts): StringField {
  return {
    key: o.key ?? 'hostname',
    label: o.label ?? 'Hostname',
    help,
    type: 'string',
    default: '',
    pattern: HOSTNAME_PATTERN,
    patternHint: 'a lowercase DNS name such as registry.example.com',
    maxLength: 253,
    targets,
    verified: o.verified,
  };
}

function flag(
  key: string,
  label: string,
  path: string,
  def: boolean,
  help: string,
  o: { verified: boolean; capacity?: SettingCapacity },
): BooleanField {
  return {
    key,
    label,
    help,
    type: 'boolean',
    default: def,
    targets: [to(path)],
    verified: o.verified,
    ...(o.capacity ? { capacity: o.capacity } : {}),
  };
}

function choice(
  key: string,
  label: string,
  path: string,
  options: readonly string[],
  def: string,
  help: string,
  o: { verified: boolean; capacity?: SettingCapacity },
): EnumField {
  return {
    key,
    label,
    help,
    type: 'enum',
    default: def,
    options,
    targets: [to(path)],
    verified: o.verified,
    ...(o.capacity ? { capacity: o.capacity } : {}),
  };
}

function integer(
  key: string,
  label: string,
  path: string,
  r: { def: number; min: number; max: number; unit?: string; template?: string },
  help: string,
  verified: boolean,
): IntegerField {
  return {
    key,
    label,
    help,
    type: 'integer',
    default: r.def,
    min: r.min,
    max: r.max,
    ...(r.unit ? { unit: r.unit } : {}),
    targets: [to(path, r.template)],
    verified,
  };
}

/** Replicas plus per-replica CPU and memory requests: what every component gets at least. */
function basic(
  p: { replicas?: string; resources: string; max?: number },
  def: { replicas?: number; cpu: number; memory: number },
  verified: boolean,
): SettingField[] {
  const per = p.replicas ? 'replicas' : undefined;
  const out: SettingField[] = [];
  if (p.replicas) out.push(replicas(p.replicas, def.replicas ?? 1, p.max ?? 10, { verified }));
  out.push(cpu(`${p.resources}.requests.cpu`, def.cpu, { verified, ...(per ? { per } : {}) }));
  out.push(
    memory(`${p.resources}.requests.memory`, def.memory, { verified, ...(per ? { per } : {}) }),
  );
  return out;
}

/** bitnami resourcesPreset requests (common chart `_resources.tpl`). */
const BITNAMI_PRESETS = {
  nano: { cpu: 100, memory: 128 },
  micro: { cpu: 250, memory: 256 },
  small: { cpu: 500, memory: 512 },
  medium: { cpu: 500, memory: 1024 },
  large: { cpu: 1000, memory: 2048 },
  xlarge: { cpu: 1000, memory: 3072 },
  '2xlarge': { cpu: 1000, memory: 6144 },
} as const;

const bitnamiPreset = (path: string, def: string, per: string): EnumField =>
  choice(
    'resourcesPreset',
    'Resources preset',
    path,
    Object.keys(BITNAMI_PRESETS),
    def,
    'Bitnami sizing preset per pod (nano 100m/128Mi … 2xlarge 1000m/6Gi).',
    { verified: true, capacity: { role: 'preset', per, presets: BITNAMI_PRESETS } },
  );

const RETENTION = (path: string, def: number, unit: 'd' | 'h', help: string, verified: boolean) =>
  integer(
    'retention',
    unit === 'd' ? 'Retention (days)' : 'Retention (hours)',
    path,
    { def, min: 0, max: unit === 'd' ? 3650 : 87600, unit, template: `{}${unit}` },
    help,
    verified,
  );

/** What CNPG's cluster sizing fields say of where they go. */
const CNPG_SIZING =
  'Counted in capacity only: the operator chart has no such value and no Cluster resource is rendered, so set it on each Cluster.';

/** Settings of each component; an empty list: nothing to set (no release of its own). */
export const COMPONENT_SETTINGS: Readonly<Record<ComponentId, readonly SettingField[]>> = {
  flux: [
    cpu('kustomizeController.resources.requests.cpu', 100, {
      verified: false,
      label: 'Kustomize controller CPU',
      help: 'CPU request of the kustomize-controller, in millicores.',
    }),
    memory('kustomizeController.resources.requests.memory', 64, {
      verified: false,
      label: 'Kustomize controller memory',
      help: 'Memory request of the kustomize-controller, in MiB.',
    }),
    choice(
      'logLevel',
      'Log level',
      'logLevel',
      ['debug', 'info', 'error'],
      'info',
      'Log level of every Flux controller.',
      { verified: false },
    ),
  ],
  crossplane: basic(
    { replicas: 'replicas', resources: 'resourcesCrossplane', max: 3 },
    { replicas: 1, cpu: 100, memory: 256 },
    false,
  ),
  gitea: [
    replicas('replicaCount', 1, 5, { verified: false, share: 1 }),
    hostname(
      [to('gitea.config.server.DOMAIN'), to('gitea.config.server.ROOT_URL', 'https://{}/')],
      'Public hostname of Gitea; empty: gitea.<your domain>.',
      { verified: false },
    ),
    storage('persistence.size', '10Gi', 2048, { verified: false, help: 'Repositories volume.' }),
    flag(
      'disableRegistration',
      'Disable self-registration',
      'gitea.config.service.DISABLE_REGISTRATION',
      false,
      'Only accounts from Keycloak or created by an admin.',
      { verified: false },
    ),
    cpu('resources.requests.cpu', 250, { verified: false, per: 'replicas' }),
    memory('resources.requests.memory', 512, { verified: false, per: 'replicas' }),
  ],
  // Phase 0: run by the bootstrap API, no release on any cluster.
  opentofu: [],
  vcluster: [
    replicas('controlPlane.statefulSet.highAvailability.replicas', 1, 5, { verified: false }),
    storage('controlPlane.statefulSet.persistence.volumeClaim.size', '5Gi', 500, {
      verified: false,
      per: 'replicas',
      help: 'Data volume of the virtual control plane.',
    }),
    cpu('controlPlane.statefulSet.resources.requests.cpu', 200, {
      verified: false,
      per: 'replicas',
    }),
    memory('controlPlane.statefulSet.resources.requests.memory', 256, {
      verified: false,
      per: 'replicas',
    }),
  ],
  cilium: [
    replicas('operator.replicas', 2, 5, {
      verified: false,
      key: 'operatorReplicas',
      label: 'Operator replicas',
      share: 0.1,
      help: 'Cilium operator pods (the agent runs on every node).',
    }),
    flag(
      'hubbleRelay',
      'Hubble Relay',
      'hubble.relay.enabled',
      false,
      'Cluster-wide flow visibility through Hubble Relay.',
      { verified: false, capacity: { role: 'feature', cpuMillicores: 50, memoryMiB: 64 } },
    ),
  ],
  coraza: basic({ replicas: 'replicas', resources: 'resources' }, { cpu: 100, memory: 128 }, false),
  powerdns: basic(
    { replicas: 'replicaCount', resources: 'resources', max: 5 },
    { cpu: 250, memory: 256 },
    true,
  ),
  'external-dns': [
    choice(
      'logLevel',
      'Log level',
      'logLevel',
      ['error', 'warning', 'info', 'debug'],
      'info',
      'How much external-dns logs.',
      { verified: true },
    ),
    {
      key: 'interval',
      label: 'Sync interval',
      help: 'How often records are reconciled (a duration such as 1m or 30s).',
      type: 'string',
      default: '1m',
      pattern: /^\d{1,4}(s|m|h)$/,
      patternHint: 'a duration such as 30s, 1m or 1h',
      maxLength: 8,
      targets: [to('interval')],
      verified: true,
    },
    ...basic({ resources: 'resources' }, { cpu: 50, memory: 64 }, true),
  ],
  envoy: basic(
    { replicas: 'deployment.replicas', resources: 'deployment.envoyGateway.resources', max: 5 },
    { replicas: 1, cpu: 100, memory: 256 },
    false,
  ).map((f) =>
    f.capacity?.role === 'replicas' ? { ...f, capacity: { role: 'replicas', share: 0.33 } } : f,
  ),
  frpc: basic({ replicas: 'replicas', resources: 'resources' }, { cpu: 20, memory: 32 }, false),
  netbird: basic({ resources: 'resources' }, { cpu: 300, memory: 512 }, false),
  strongswan: basic(
    { replicas: 'replicas', resources: 'resources', max: 3 },
    { cpu: 100, memory: 128 },
    false,
  ),
  vpa: basic(
    { replicas: 'recommender.replicaCount', resources: 'recommender.resources', max: 3 },
    { replicas: 1, cpu: 50, memory: 500 },
    false,
  ).map((f) =>
    f.capacity?.role === 'replicas' ? { ...f, capacity: { role: 'replicas', share: 0.4 } } : f,
  ),
  keda: basic(
    { replicas: 'operator.replicaCount', resources: 'resources.operator', max: 3 },
    { replicas: 1, cpu: 100, memory: 100 },
    false,
  ),
  reloader: basic(
    {
      replicas: 'reloader.deployment.replicas',
      resources: 'reloader.deployment.resources',
      max: 3,
    },
    { replicas: 1, cpu: 50, memory: 128 },
    false,
  ),
  continuum: basic(
    { replicas: 'replicas', resources: 'resources' },
    { cpu: 100, memory: 128 },
    false,
  ),
  // Replicas and volume size are on the Storage tier step (spec.storage.seaweedfs).
  seaweedfs: [
    choice(
      'defaultReplication',
      'Default replication',
      'master.defaultReplication',
      ['000', '001', '010', '100', '200'],
      '000',
      'SeaweedFS replica placement (xyz: other data centres, racks, servers).',
      { verified: false },
    ),
    integer(
      'volumeSizeLimitMB',
      'Volume size limit',
      'master.volumeSizeLimitMB',
      { def: 1000, min: 100, max: 30000, unit: 'MB' },
      'Size at which a SeaweedFS volume is full and a new one starts.',
      false,
    ),
    integer(
      'minFreeSpacePercent',
      'Minimum free space',
      'volume.minFreeSpacePercent',
      { def: 7, min: 1, max: 50, unit: '%' },
      'Volume servers stop writing below this free disk share.',
      false,
    ),
    hostname(
      [to('s3.domainName')],
      'S3 domain for virtual-host-style buckets; empty: path style only.',
      { verified: false, key: 's3DomainName', label: 'S3 domain name' },
    ),
  ],
  velero: [
    flag(
      'deployNodeAgent',
      'Node agent',
      'deployNodeAgent',
      false,
      'File-system backups of volumes through the node-agent DaemonSet.',
      { verified: true, capacity: { role: 'feature', cpuMillicores: 1500, memoryMiB: 1536 } },
    ),
    ...basic({ resources: 'resources' }, { cpu: 500, memory: 128 }, true),
  ],
  harbor: [
    hostname(
      [to('expose.ingress.hosts.core'), to('externalURL', 'https://{}')],
      'Public hostname of Harbor; empty: harbor.<your domain>.',
      { verified: true },
    ),
    replicas('core.replicas', 1, 5, {
      verified: true,
      key: 'coreReplicas',
      label: 'Core replicas',
      share: 0.15,
    }),
    replicas('registry.replicas', 1, 5, {
      verified: true,
      key: 'registryReplicas',
      label: 'Registry replicas',
      share: 0.15,
    }),
    replicas('portal.replicas', 1, 3, {
      verified: true,
      key: 'portalReplicas',
      label: 'Portal replicas',
      share: 0.05,
    }),
    replicas('jobservice.replicas', 1, 3, {
      verified: true,
      key: 'jobserviceReplicas',
      label: 'Job service replicas',
      share: 0.1,
    }),
    flag(
      'trivyEnabled',
      'Trivy scanner',
      'trivy.enabled',
      true,
      'Vulnerability scanning of pushed images.',
      {
        verified: true,
        capacity: { role: 'feature', cpuMillicores: 200, memoryMiB: 512, storageGiB: 5 },
      },
    ),
    storage('persistence.persistentVolumeClaim.jobservice.jobLog.size', '1Gi', 100, {
      verified: true,
      key: 'jobLogStorage',
      label: 'Job log storage',
      help: 'Job service log volume (images and charts are on S3).',
    }),
  ],
  falco: [
    choice(
      'driver',
      'Driver',
      'driver.kind',
      ['auto', 'modern_ebpf', 'ebpf', 'kmod'],
      'auto',
      'How Falco reads kernel events.',
      { verified: false },
    ),
    ...basic({ resources: 'resources' }, { cpu: 100, memory: 512 }, true).map((f) => ({
      ...f,
      capacity: { ...f.capacity!, count: 3 } as SettingCapacity,
      help: `${f.label} per node (DaemonSet, counted on 3 nodes).`,
    })),
  ],
  kyverno: basic(
    {
      replicas: 'admissionController.replicas',
      resources: 'admissionController.container.resources',
      max: 5,
    },
    { replicas: 1, cpu: 100, memory: 128 },
    false,
  ),
  trivy: basic(
    { replicas: 'operator.replicas', resources: 'resources', max: 3 },
    { cpu: 100, memory: 256 },
    false,
  ),
  'syft-grype': basic({ resources: 'resources' }, { cpu: 100, memory: 512 }, false),
  sigstore: basic(
    { replicas: 'webhook.replicaCount', resources: 'webhook.resources', max: 5 },
    { cpu: 100, memory: 128 },
    true,
  ),
  keycloak: [
    replicas('replicaCount', 1, 5, { verified: true }),
    bitnamiPreset('resourcesPreset', 'small', 'replicas'),
    hostname(
      [to('ingress.hostname')],
      'Public hostname of Keycloak; empty: keycloak.<your domain>.',
      { verified: true },
    ),
    flag(
      'production',
      'Production mode',
      'production',
      false,
      'Run Keycloak in production mode (strict hostname, TLS at the edge).',
      { verified: true },
    ),
  ],
  openbao: [
    storage('server.dataStorage.size', '10Gi', 500, {
      verified: true,
      key: 'dataStorage',
      label: 'Data storage',
    }),
    flag('ui', 'Web UI', 'ui.enabled', false, 'Serve the OpenBao web UI.', { verified: false }),
    ...basic({ resources: 'server.resources' }, { cpu: 250, memory: 256 }, false),
  ],
  'external-secrets': basic(
    { replicas: 'replicaCount', resources: 'resources', max: 3 },
    { cpu: 50, memory: 64 },
    false,
  ).map((f) =>
    f.capacity?.role === 'replicas' ? { ...f, capacity: { role: 'replicas', share: 0.33 } } : f,
  ),
  'cert-manager': basic(
    { replicas: 'replicaCount', resources: 'resources', max: 3 },
    { cpu: 50, memory: 128 },
    true,
  ),
  grafana: [
    replicas('replicas', 1, 5, { verified: false }),
    flag(
      'persistence',
      'Persistent volume',
      'persistence.enabled',
      false,
      'Keep plugins and local state on a 10 GiB volume (dashboards live in cnpg).',
      { verified: false, capacity: { role: 'feature', storageGiB: 10 } },
    ),
    hostname(
      [to('grafana\\.ini.server.domain')],
      'Public hostname of Grafana; empty: grafana.<your domain>.',
      { verified: false },
    ),
    cpu('resources.requests.cpu', 200, { verified: false, per: 'replicas' }),
    memory('resources.requests.memory', 256, { verified: false, per: 'replicas' }),
  ],
  opentelemetry: basic(
    { replicas: 'replicaCount', resources: 'resources', max: 10 },
    { cpu: 200, memory: 256 },
    false,
  ),
  alloy: basic({ resources: 'alloy.resources' }, { cpu: 100, memory: 256 }, false).map((f) => ({
    ...f,
    capacity: { ...f.capacity!, count: 3 } as SettingCapacity,
    help: `${f.label} per node (DaemonSet, counted on 3 nodes).`,
  })),
  loki: [
    replicas('singleBinary.replicas', 1, 5, {
      verified: true,
      share: 0.2,
      help: 'Loki single-binary pods.',
    }),
    storage('singleBinary.persistence.size', '10Gi', 2048, {
      verified: true,
      per: 'replicas',
      help: 'WAL and index cache volume per pod (chunks are on S3).',
    }),
    RETENTION(
      'loki.limits_config.retention_period',
      0,
      'd',
      'How long logs are kept; 0 keeps them forever.',
      true,
    ),
    flag(
      'chunksCache',
      'Chunks cache',
      'chunksCache.enabled',
      true,
      'memcached chunks cache: fast queries, but it requests about 9 GiB of memory.',
      { verified: true, capacity: { role: 'feature', memoryMiB: 9375 } },
    ),
  ],
  mimir: [
    replicas('ingester.replicas', 3, 30, {
      verified: false,
      key: 'ingesterReplicas',
      label: 'Ingester replicas',
      share: 0.25,
    }),
    storage('ingester.persistentVolume.size', '2Gi', 1024, {
      verified: false,
      key: 'ingesterStorage',
      label: 'Ingester storage',
      per: 'ingesterReplicas',
    }),
    replicas('store_gateway.replicas', 3, 30, {
      verified: false,
      key: 'storeGatewayReplicas',
      label: 'Store-gateway replicas',
      share: 0.25,
    }),
    replicas('querier.replicas', 2, 30, {
      verified: false,
      key: 'querierReplicas',
      label: 'Querier replicas',
      share: 0.1,
    }),
    RETENTION(
      'mimir.structuredConfig.limits.compactor_blocks_retention_period',
      0,
      'd',
      'How long metrics are kept; 0 keeps them forever.',
      false,
    ),
  ],
  tempo: [
    replicas('replicas', 1, 5, { verified: true }),
    RETENTION('tempo.retention', 24, 'h', 'How long traces are kept.', true),
    storage('persistence.size', '10Gi', 1024, {
      verified: true,
      per: 'replicas',
      help: 'WAL volume per pod (blocks are on S3).',
    }),
  ],
  opensearch: [
    replicas('replicas', 3, 15, {
      verified: false,
      help: 'OpenSearch nodes; 3 or more keep a quorum.',
    }),
    storage('persistence.size', '8Gi', 4096, {
      verified: false,
      per: 'replicas',
      help: 'Data volume per node.',
    }),
    {
      key: 'javaOpts',
      label: 'JVM options',
      help: 'Heap size of each node (about half its memory request).',
      type: 'string',
      default: '-Xmx512M -Xms512M',
      pattern: /^(-[A-Za-z0-9:+=._-]+)( -[A-Za-z0-9:+=._-]+)*$/,
      patternHint: 'JVM flags such as -Xmx1g -Xms1g',
      maxLength: 200,
      targets: [to('opensearchJavaOpts')],
      verified: false,
    },
    cpu('resources.requests.cpu', 500, { verified: false, per: 'replicas' }),
    memory('resources.requests.memory', 2048, { verified: false, per: 'replicas' }),
  ],
  litmus: basic(
    {
      replicas: 'portal.server.replicas',
      resources: 'portal.server.graphqlServer.resources',
      max: 3,
    },
    { replicas: 1, cpu: 250, memory: 512 },
    false,
  ).map((f) =>
    f.capacity?.role === 'replicas' ? { ...f, capacity: { role: 'replicas', share: 0.4 } } : f,
  ),
  openmeter: basic(
    { replicas: 'replicaCount', resources: 'resources', max: 5 },
    { cpu: 250, memory: 512 },
    false,
  ).map((f) =>
    f.capacity?.role === 'replicas' ? { ...f, capacity: { role: 'replicas', share: 0.5 } } : f,
  ),
  specter: basic(
    { replicas: 'replicas', resources: 'resources' },
    { cpu: 200, memory: 512 },
    false,
  ),
  cnpg: [
    integer(
      'operatorReplicas',
      'Operator replicas',
      'replicaCount',
      { def: 1, min: 1, max: 3 },
      'Pods of the CloudNativePG operator.',
      false,
    ),
    // Sizing of the database clusters, for capacity only: the cloudnative-pg operator chart has
    // no such value (0.28.0 values.yaml and values.schema.json) and this tree renders no
    // postgresql.cnpg.io Cluster, so no release carries them (`targets: []`).
    {
      ...replicas('', 3, 9, {
        verified: true,
        key: 'instances',
        label: 'Instances',
        share: 0,
        help: `PostgreSQL instances of each database cluster (1 primary + standbys). ${CNPG_SIZING}`,
      }),
      targets: [],
    },
    {
      ...storage('', '20Gi', 4096, {
        verified: true,
        per: 'instances',
        help: `Data volume per PostgreSQL instance. ${CNPG_SIZING}`,
      }),
      targets: [],
    },
    flag(
      'podMonitor',
      'PodMonitor',
      'monitoring.podMonitorEnabled',
      false,
      'Prometheus PodMonitor for the operator (needs the Prometheus Operator CRDs).',
      { verified: true },
    ),
  ],
  valkey: [
    choice(
      'architecture',
      'Architecture',
      'architecture',
      ['standalone', 'replication'],
      'replication',
      'One primary alone, or a primary with replicas.',
      { verified: true },
    ),
    replicas('replica.replicaCount', 3, 10, {
      verified: true,
      min: 0,
      share: 0.75,
      help: 'Read replicas beside the primary (replication only).',
    }),
    storage('primary.persistence.size', '8Gi', 512, {
      verified: true,
      key: 'primaryStorage',
      label: 'Primary storage',
    }),
    storage('replica.persistence.size', '8Gi', 512, {
      verified: true,
      key: 'replicaStorage',
      label: 'Replica storage',
      per: 'replicas',
    }),
  ],
  strimzi: basic(
    { replicas: 'replicas', resources: 'resources', max: 3 },
    { cpu: 200, memory: 384 },
    false,
  ).map((f) =>
    f.capacity?.role === 'replicas'
      ? {
          ...f,
          label: 'Operator replicas',
          help: 'Pods of the cluster operator (brokers are a Kafka resource).',
          capacity: { role: 'replicas', share: 0.12 },
        }
      : f,
  ),
  debezium: basic(
    { replicas: 'operator.replicas', resources: 'operator.resources', max: 3 },
    { cpu: 100, memory: 256 },
    false,
  ).map((f) =>
    f.capacity?.role === 'replicas' ? { ...f, capacity: { role: 'replicas', share: 0.2 } } : f,
  ),
  flink: basic(
    { replicas: 'replicas', resources: 'operatorPod.resources', max: 3 },
    { cpu: 200, memory: 512 },
    false,
  ),
  temporal: basic(
    { replicas: 'server.replicaCount', resources: 'server.resources', max: 10 },
    { cpu: 100, memory: 256 },
    false,
  ).map((f) =>
    f.capacity?.role === 'replicas' ? { ...f, capacity: { role: 'replicas', share: 0.8 } } : f,
  ),
  clickhouse: basic({ resources: 'operator.resources' }, { cpu: 100, memory: 256 }, false),
  ferretdb: basic(
    { replicas: 'replicas', resources: 'resources' },
    { cpu: 100, memory: 128 },
    false,
  ),
  iceberg: basic(
    { replicas: 'replicas', resources: 'resources' },
    { cpu: 200, memory: 512 },
    false,
  ),
  superset: basic(
    { replicas: 'supersetNode.replicaCount', resources: 'supersetNode.resources', max: 10 },
    { replicas: 1, cpu: 250, memory: 768 },
    false,
  ).map((f) =>
    f.capacity?.role === 'replicas' ? { ...f, capacity: { role: 'replicas', share: 0.5 } } : f,
  ),
  kserve: basic({ resources: 'kserve.controller.resources' }, { cpu: 100, memory: 300 }, true),
  knative: basic(
    { resources: 'knative_operator.knative_operator.resources' },
    { cpu: 100, memory: 100 },
    false,
  ),
  axon: basic({ replicas: 'replicas', resources: 'resources' }, { cpu: 200, memory: 256 }, false),
  neo4j: [
    storage('volumes.data.defaultStorageClass.requests.storage', '10Gi', 4096, {
      verified: false,
      help: 'Data volume of the Neo4j instance.',
    }),
    cpu('neo4j.resources.cpu', 500, { verified: false }),
    memory('neo4j.resources.memory', 2048, { verified: false }),
  ],
  vllm: [
    {
      key: 'model',
      label: 'Model',
      help: 'Hugging Face model id (or in-cluster path) the engine serves. Gated models (Llama) need a Hugging Face token, which the wizard does not set yet.',
      type: 'string',
      default: 'meta-llama/Llama-3.1-8B-Instruct',
      pattern: /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/,
      patternHint: 'a model id such as meta-llama/Llama-3.1-8B-Instruct',
      maxLength: 200,
      targets: [to('servingEngineSpec.modelSpec[0].modelURL')],
      verified: false,
    },
    replicas('servingEngineSpec.modelSpec[0].replicaCount', 1, 16, {
      verified: false,
      help: 'Serving engine pods of the model.',
    }),
    integer(
      'gpus',
      'GPUs per replica',
      'servingEngineSpec.modelSpec[0].requestGPU',
      { def: 1, min: 0, max: 8 },
      'nvidia.com/gpu units each replica requests (GPUs are not counted in capacity).',
      false,
    ),
    integer(
      'maxModelLen',
      'Max context length',
      'servingEngineSpec.modelSpec[0].vllmConfig.maxModelLen',
      { def: 8192, min: 256, max: 1048576, unit: 'tokens' },
      'vLLM --max-model-len.',
      false,
    ),
    {
      key: 'gpuMemoryUtilization',
      label: 'GPU memory share',
      help: 'Share of GPU memory vLLM may use (--gpu-memory-utilization).',
      type: 'number',
      default: 0.9,
      min: 0.1,
      max: 1,
      step: 0.05,
      targets: [to('servingEngineSpec.modelSpec[0].vllmConfig.gpuMemoryUtilization')],
      verified: false,
    },
    storage('servingEngineSpec.modelSpec[0].pvcStorage', '50Gi', 4096, {
      verified: false,
      key: 'modelCache',
      label: 'Model cache',
      per: 'replicas',
      help: 'Model cache volume per replica.',
    }),
  ],
  milvus: basic({ resources: 'standalone.resources' }, { cpu: 1000, memory: 4096 }, false),
  bge: basic(
    { replicas: 'replicas', resources: 'resources', max: 8 },
    { cpu: 1000, memory: 2048 },
    false,
  ),
  langfuse: basic(
    { replicas: 'langfuse.web.replicas', resources: 'langfuse.web.resources', max: 10 },
    { replicas: 1, cpu: 500, memory: 1024 },
    false,
  ).map((f) =>
    f.capacity?.role === 'replicas' ? { ...f, capacity: { role: 'replicas', share: 0.3 } } : f,
  ),
  librechat: [
    hostname(
      [to('ingress.hosts[0].host')],
      'Public hostname of the LibreChat UI; empty: librechat.<your domain>.',
      { verified: false },
    ),
    replicas('replicaCount', 1, 10, {
      verified: false,
      share: 0.6,
      help: 'LibreChat API pods (Meilisearch stays one).',
    }),
    flag(
      'meilisearch',
      'Meilisearch',
      'meilisearch.enabled',
      true,
      'Full-text search over conversations (10 GiB).',
      {
        verified: false,
        capacity: { role: 'feature', cpuMillicores: 200, memoryMiB: 512, storageGiB: 10 },
      },
    ),
    choice(
      'embeddingsProvider',
      'Embeddings provider',
      'librechat.configEnv.EMBEDDINGS_PROVIDER',
      ['bge', 'openai', 'huggingface', 'ollama'],
      'bge',
      'Where RAG embeddings come from (upstream configSchema).',
      { verified: false },
    ),
  ],
  stalwart: [
    hostname([to('hostname')], 'Mail host name (MX); empty: mail.<your domain>.', {
      verified: false,
    }),
    storage('persistence.size', '20Gi', 4096, { verified: false, help: 'Mail store volume.' }),
    ...basic({ resources: 'resources' }, { cpu: 250, memory: 512 }, false),
  ],
  livekit: [
    replicas('replicaCount', 1, 10, {
      verified: false,
      help: 'SFU pods; rooms are spread over them.',
    }),
    integer(
      'portRangeStart',
      'RTC port range start',
      'livekit.rtc.port_range_start',
      { def: 50000, min: 1024, max: 65535 },
      'First UDP port for media; the firewall must open the range.',
      false,
    ),
    integer(
      'portRangeEnd',
      'RTC port range end',
      'livekit.rtc.port_range_end',
      { def: 60000, min: 1024, max: 65535 },
      'Last UDP port for media.',
      false,
    ),
    cpu('resources.requests.cpu', 1000, { verified: false, per: 'replicas' }),
    memory('resources.requests.memory', 1024, { verified: false, per: 'replicas' }),
  ],
  stunner: basic(
    { resources: 'stunnerGatewayOperator.deployment.container.manager.resources' },
    { cpu: 250, memory: 128 },
    false,
  ),
  matrix: [
    hostname(
      [to('serverName')],
      'Matrix server name (the part after @user:); empty: matrix.<your domain>.',
      { verified: false, key: 'serverName', label: 'Server name' },
    ),
    flag(
      'enableRegistration',
      'Local registration',
      'config.enableRegistration',
      false,
      'Let people register local accounts (accounts normally come from Keycloak).',
      { verified: false },
    ),
    storage('persistence.size', '20Gi', 4096, {
      verified: false,
      key: 'mediaStorage',
      label: 'Media storage',
      help: 'Uploaded media volume.',
    }),
    flag('redis', 'Redis', 'redis.enabled', true, 'Redis for Synapse workers.', {
      verified: false,
      capacity: { role: 'feature', cpuMillicores: 100, memoryMiB: 256 },
    }),
    cpu('synapse.resources.requests.cpu', 600, { verified: false }),
    memory('synapse.resources.requests.memory', 1280, { verified: false }),
  ],
  ntfy: basic({ resources: 'resources' }, { cpu: 50, memory: 64 }, false),
  guacamole: [
    hostname(
      [to('ingress.hosts[0].host')],
      'Public hostname of Guacamole; empty: guacamole.<your domain>.',
      { verified: false },
    ),
    replicas('replicaCount', 1, 5, { verified: false }),
    cpu('resources.requests.cpu', 250, {
      verified: false,
      per: 'replicas',
      label: 'Web CPU request',
      help: 'CPU of guacamole-web (Tomcat) per pod, in millicores.',
    }),
    memory('resources.requests.memory', 512, {
      verified: false,
      per: 'replicas',
      label: 'Web memory request',
      help: 'Memory of guacamole-web per pod, in MiB.',
    }),
    cpu('guacd.resources.requests.cpu', 100, {
      verified: false,
      per: 'replicas',
      key: 'guacdCpu',
      label: 'guacd CPU request',
      help: 'CPU of the guacd proxy per pod, in millicores.',
    }),
  ],
  spire: [
    storage('spire-server.persistence.size', '1Gi', 100, {
      verified: false,
      help: 'SPIRE server datastore.',
    }),
    cpu('spire-server.resources.requests.cpu', 200, { verified: false }),
    memory('spire-server.resources.requests.memory', 256, { verified: false }),
  ],
  'nats-jetstream': [
    replicas('config.cluster.replicas', 3, 9, {
      verified: false,
      help: 'NATS servers in the JetStream cluster (3 or 5 for quorum).',
    }),
    storage('config.jetstream.fileStore.pvc.size', '10Gi', 2048, {
      verified: false,
      per: 'replicas',
      help: 'JetStream file store per server.',
    }),
    cpu('container.merge.resources.requests.cpu', 250, { verified: false, per: 'replicas' }),
    memory('container.merge.resources.requests.memory', 512, { verified: false, per: 'replicas' }),
  ],
  'llm-gateway': basic(
    { replicas: 'replicaCount', resources: 'resources', max: 10 },
    { cpu: 500, memory: 1024 },
    false,
  ),
};
