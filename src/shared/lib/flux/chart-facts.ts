// Facts about the upstream Helm charts that the values in values/*.ts are written against: the
// top-level keys each chart's values.yaml declares (so no value is emitted that a chart never
// reads) and the Services each chart creates for a release named after the component (so every
// in-cluster address in emitted values names a Service that really exists). Both are tested in
// tests/shared/lib/flux/values-chart-facts.test.ts.

/** The top-level keys of one chart version's values.yaml. */
export interface ChartValuesKeys {
  readonly version: string;
  /** Where the list was read. */
  readonly source: string;
  /** False when the list is only the keys verified so far, not the whole values.yaml. */
  readonly complete: boolean;
  readonly keys: readonly string[];
}

/** A whitespace-separated list of keys. */
const words = (s: string): readonly string[] => s.trim().split(/\s+/);

/** Keyed by chart name (the catalog's `chart.name`). */
export const CHART_VALUES_KEYS: Readonly<Record<string, ChartValuesKeys>> = {
  // seaweedfs/seaweedfs k8s/charts/seaweedfs/values.yaml at commit 0b3cc8d1 ("4.22", Chart.yaml
  // version 4.22.0).
  seaweedfs: {
    version: '4.22.0',
    source: 'github.com/seaweedfs/seaweedfs@0b3cc8d1 k8s/charts/seaweedfs/values.yaml',
    complete: true,
    keys: words(`
      global image master volume volumes filer s3 sftp admin worker allInOne cosi
      certificates podLabels podAnnotations
    `),
  },
  // vmware-tanzu/helm-charts charts/velero/values.yaml at b643fe9b (Chart.yaml version 12.0.1).
  velero: {
    version: '12.0.1',
    source: 'github.com/vmware-tanzu/helm-charts@b643fe9b charts/velero/values.yaml',
    complete: true,
    keys: words(`
      namespace image nameOverride fullnameOverride annotations secretAnnotations labels
      podAnnotations podLabels resources resizePolicy hostAliases upgradeJobResources
      upgradeCRDsJob dnsPolicy initContainers podSecurityContext containerSecurityContext
      lifecycle priorityClassName runtimeClassName terminationGracePeriodSeconds
      livenessProbe readinessProbe tolerations affinity nodeSelector dnsConfig
      extraVolumes extraVolumeMounts extraObjects metrics kubectl upgradeCRDs cleanUpCRDs
      configuration rbac serviceAccount credentials backupsEnabled snapshotsEnabled
      deployNodeAgent nodeAgent schedules configMaps
    `),
  },
  // grafana/loki production/helm/loki/values.yaml at tag helm-loki-7.0.0.
  loki: {
    version: '7.0.0',
    source: 'github.com/grafana/loki@helm-loki-7.0.0 production/helm/loki/values.yaml',
    complete: true,
    keys: words(`
      kubeVersionOverride global nameOverride fullnameOverride namespaceOverride
      clusterLabelOverride imagePullSecrets deploymentMode commonLabels loki enterprise
      test lokiCanary serviceAccount rbac networkPolicy memberlist adminApi gateway
      enterpriseGateway ingress migrate singleBinary write read backend ingester
      distributor querier queryFrontend queryScheduler indexGateway compactor bloomGateway
      bloomPlanner bloomBuilder patternIngester ruler overridesExporter memcached
      memcachedExporter resultsCache chunksCache rollout_operator minio extraObjects
      sidecar monitoring tableManager
    `),
  },
  // grafana/mimir operations/helm/charts/mimir-distributed/values.yaml: the 6.0.6 file could not
  // be read here (the repository is too large to fetch). These are the keys of an older stored
  // values.yaml that the upstream bp-mimir overlay (pinned to 6.0.6) also sets, plus `global`.
  'mimir-distributed': {
    version: '6.0.6',
    source:
      'openova-io/openova platform/mimir/chart/values.yaml (mimir-distributed 6.0.6 overlay) + grafana/mimir values.yaml (older stored version)',
    complete: false,
    keys: words(`
      kubeVersionOverride nameOverride fullnameOverride image global serviceAccount
      useExternalConfig configStorageType externalConfigSecretName externalConfigVersion
      vaultAgent mimir alertmanager distributor ingester overrides_exporter ruler querier
      query_frontend query_scheduler store_gateway compactor gateway minio kafka
      metaMonitoring smoke_test continuous_test rollout_operator
    `),
  },
  // grafana/helm-charts charts/tempo/values.yaml at tag tempo-1.24.4.
  tempo: {
    version: '1.24.4',
    source: 'github.com/grafana/helm-charts@tempo-1.24.4 charts/tempo/values.yaml',
    complete: true,
    keys: words(`
      global nameOverride fullnameOverride replicas labels annotations tempo config
      tempoQuery securityContext serviceAccount service serviceMonitor persistence
      podAnnotations podLabels extraLabels extraVolumes nodeSelector tolerations affinity
      priorityClassName hostAliases networkPolicy
    `),
  },
  // goharbor/harbor-helm values.yaml at tag v1.18.3.
  harbor: {
    version: '1.18.3',
    source: 'github.com/goharbor/harbor-helm@v1.18.3 values.yaml',
    complete: true,
    keys: words(`
      expose externalURL persistence existingSecretAdminPassword
      existingSecretAdminPasswordKey harborAdminPassword internalTLS ipFamily
      imagePullPolicy imagePullSecrets updateStrategy logLevel caSecretName secretKey
      existingSecretSecretKey proxy enableMigrateHelmHook metrics trace cache
      containerSecurityContext nginx portal core jobservice registry trivy database redis
      exporter
    `),
  },
  // kubernetes-sigs/external-dns charts/external-dns/values.yaml at tag
  // external-dns-helm-chart-1.15.2.
  'external-dns': {
    version: '1.15.2',
    source:
      'github.com/kubernetes-sigs/external-dns@external-dns-helm-chart-1.15.2 charts/external-dns/values.yaml',
    complete: true,
    keys: words(`
      global image imagePullSecrets nameOverride fullnameOverride commonLabels
      serviceAccount service rbac deploymentAnnotations extraContainers deploymentStrategy
      revisionHistoryLimit podLabels podAnnotations automountServiceAccountToken
      shareProcessNamespace podSecurityContext priorityClassName
      terminationGracePeriodSeconds dnsPolicy dnsConfig initContainers securityContext env
      livenessProbe readinessProbe extraVolumes extraVolumeMounts resources nodeSelector
      affinity topologySpreadConstraints tolerations serviceMonitor logLevel logFormat
      interval triggerLoopOnEvent namespaced sources policy registry txtOwnerId txtPrefix
      txtSuffix domainFilters excludeDomains labelFilter managedRecordTypes provider
      extraArgs secretConfiguration
    `),
  },
  // cert-manager/cert-manager deploy/charts/cert-manager/values.yaml at tag v1.16.2.
  'cert-manager': {
    version: 'v1.16.2',
    source: 'github.com/cert-manager/cert-manager@v1.16.2 deploy/charts/cert-manager/values.yaml',
    complete: true,
    keys: words(`
      global installCRDs crds replicaCount strategy podDisruptionBudget featureGates
      maxConcurrentChallenges image clusterResourceNamespace namespace serviceAccount
      enableCertificateOwnerRef config dns01RecursiveNameservers
      dns01RecursiveNameserversOnly disableAutoApproval approveSignerNames extraArgs
      extraEnv resources securityContext containerSecurityContext volumes volumeMounts
      podLabels hostAliases nodeSelector ingressShim affinity tolerations
      topologySpreadConstraints livenessProbe enableServiceLinks prometheus webhook
      cainjector acmesolver startupapicheck extraObjects creator enabled
    `),
  },
  // kserve/kserve charts/kserve-resources/values.yaml at tag v0.16.0 (published as chart
  // `kserve`): everything sits under one top-level key.
  kserve: {
    version: 'v0.16.0',
    source: 'github.com/kserve/kserve@v0.16.0 charts/kserve-resources/values.yaml',
    complete: true,
    keys: ['kserve'],
  },
  // vllm-project/production-stack helm/values.schema.json at tag vllm-stack-0.1.5 (vendored as
  // src/shared/chart-schemas/vllm.json): its top-level properties. Only servingEngineSpec is set.
  'vllm-stack': {
    version: '0.1.5',
    source: 'github.com/vllm-project/production-stack@vllm-stack-0.1.5 helm/values.schema.json',
    complete: false,
    keys: ['servingEngineSpec', 'routerSpec'],
  },
  // cilium/cilium install/kubernetes/cilium/values.yaml 1.16.5: the file could not be fetched here
  // (repository over the size limit). Only the keys the upstream bp-cilium overlay sets, which
  // upstream pinned to 1.16.5 and verified on its Sovereigns, are listed.
  cilium: {
    version: '1.16.5',
    source: 'openova-io/openova platform/cilium/chart/values.yaml (cilium 1.16.5 overlay)',
    complete: false,
    keys: words(`
      kubeProxyReplacement k8sServiceHost k8sServicePort bpf ipam encryption hubble
      gatewayAPI envoy l2announcements operator resources prometheus
    `),
  },
  // schich.tel powerdns chart 0.10.0: its values.yaml could not be found here. Only the keys the
  // upstream bp-powerdns overlay (pinned to 0.10.0) sets under its `powerdns:` subchart key.
  powerdns: {
    version: '0.10.0',
    source: 'openova-io/openova platform/powerdns/chart/values.yaml (powerdns 0.10.0 overlay)',
    complete: false,
    keys: words(`
      apiKey webserverPassword useExistingApiSecret replicaCount image podSecurityContext
      securityContext service ingress resources serviceMonitor metrics powerdns
    `),
  },
};

/** One Service a chart creates, with its ports. */
export interface ChartService {
  readonly name: string;
  readonly ports: readonly number[];
  /** Where its name and ports were read. */
  readonly source: string;
  /** False when only the upstream overlay (not the chart's templates) says so. */
  readonly verified: boolean;
}

/**
 * The Services a component's chart creates when the release is named after the component, in the
 * component's namespace. Only charts whose Services some emitted value addresses are listed.
 */
export const CHART_SERVICES: Readonly<Record<string, readonly ChartService[]>> = {
  // templates/s3/s3-service.yaml: name `seaweedfs.componentName (list . "s3")` = <fullname>-s3;
  // fullname = release name when it contains the chart name ("seaweedfs"), so `seaweedfs-s3`.
  seaweedfs: [
    {
      name: 'seaweedfs-s3',
      ports: [8333],
      source: 'seaweedfs 4.22.0 templates/s3/s3-service.yaml + shared/_helpers.tpl',
      verified: true,
    },
  ],
  // templates/single-binary/service.yaml (loki.singleBinaryFullname = fullname `loki`, port
  // loki.server.http_listen_port 3100) and templates/gateway/service-gateway.yaml (`loki-gateway`).
  loki: [
    {
      name: 'loki',
      ports: [3100],
      source: 'loki 7.0.0 templates/single-binary/service.yaml',
      verified: true,
    },
    {
      name: 'loki-gateway',
      ports: [80],
      source: 'loki 7.0.0 templates/gateway/service-gateway.yaml',
      verified: true,
    },
  ],
  // The upstream bp-external-dns overlay reaches the PowerDNS API at `powerdns.<ns>.svc:8081`.
  powerdns: [
    {
      name: 'powerdns',
      ports: [53, 8081],
      source: 'openova-io/openova platform/external-dns/chart/values.yaml (--pdns-server)',
      verified: false,
    },
  ],
};

/** `<service>.<namespace>.svc:<port>` of a chart's Service (throws on an unknown one). */
export function serviceHost(id: string, namespace: string, service: string, port: number): string {
  const s = CHART_SERVICES[id]?.find((x) => x.name === service);
  if (!s?.ports.includes(port)) throw new Error(`no Service ${service}:${port} for ${id}`);
  return `${service}.${namespace}.svc:${port}`;
}
