// Values of the substrate charts every cluster runs: Cilium, SeaweedFS, cert-manager, PowerDNS and
// external-dns, on the keys of the chart versions in chart-facts.ts.
import { LUA_POLICIES, type ColdBackendId } from '../../../constants/domain';
import type { SovereignManifest } from '../../../schemas/manifest';
import type { ReleaseContext, ReleaseValues, SecretNeed, Values } from '../release-context';
import { bucketsOf, namespaceOf, reach } from './common';

/**
 * cilium 1.16.5 for k3s, as the upstream bp-cilium overlay sets it: Cilium replaces kube-proxy
 * (k3s runs with --disable-kube-proxy, --flannel-backend=none, --disable-network-policy), so the
 * agent cannot reach the API server through the `kubernetes` Service ClusterIP (translating that
 * IP is Cilium's own job): it needs a direct address. Upstream points it at the k3s API server
 * on the node itself, 127.0.0.1:6443, which needs no per-cluster address and survives a
 * control-plane node change. IPAM from the Kubernetes pod CIDRs (k3s allocates them),
 * eBPF masquerading, and WireGuard encryption between nodes as upstream runs it.
 */
export function ciliumValues(): Values {
  return {
    kubeProxyReplacement: true,
    k8sServiceHost: '127.0.0.1',
    k8sServicePort: 6443,
    ipam: { mode: 'kubernetes' },
    bpf: { masquerade: true },
    encryption: { enabled: true, type: 'wireguard' },
  };
}

type ColdTier = SovereignManifest['spec']['storage']['tiers'][2];

/** The S3 API of each cold-tier backend: endpoint, region and storage class. */
function coldTarget(cold: ColdTier): { endpoint: string; region: string; storageClass: string } {
  const backend: ColdBackendId = cold.backend;
  switch (backend) {
    case 'cloudflare-r2':
      return {
        endpoint: `https://${cold.accountId ?? ''}.r2.cloudflarestorage.com`,
        region: 'auto',
        storageClass: 'STANDARD',
      };
    case 'aws-s3-glacier':
      // Glacier Instant Retrieval: objects stay readable without a restore request.
      return { endpoint: '', region: cold.region ?? '', storageClass: 'GLACIER_IR' };
    case 'hetzner-object-storage':
      return {
        endpoint: `https://${cold.region ?? ''}.your-objectstorage.com`,
        region: cold.region ?? '',
        storageClass: 'STANDARD',
      };
  }
}

/**
 * master.toml's cloud tier (`[storage.backend.s3.default]`, weed scaffold -config=master): the
 * cold bucket that `volume.tier.upload` moves old volumes to. The keys are not in the file: the
 * master reads them from WEED_STORAGE_BACKEND_S3_DEFAULT_AWS_* (SeaweedFS's viper takes every
 * setting from a WEED_-prefixed environment variable, weed/util/config.go).
 */
function masterToml(cold: ColdTier): string {
  const t = coldTarget(cold);
  return [
    '[storage.backend]',
    '[storage.backend.s3.default]',
    'enabled = true',
    `region = "${t.region}"`,
    `bucket = "${cold.bucket}"`,
    `endpoint = "${t.endpoint}"`,
    `storage_class = "${t.storageClass}"`,
    '',
  ].join('\n');
}

/** The Secret of SeaweedFS's S3 identities (one per consumer, each with its own keys). */
export const SEAWEEDFS_S3_CONFIG_SECRET = 'seaweedfs-s3-config';

/**
 * seaweedfs 4.22.0 from the manifest's storage settings: master, volume, filer and a standalone
 * S3 gateway with their replicas; volumes on PVCs of the chosen size (the chart's default is a
 * hostPath); S3 authentication from an existing config Secret (key `seaweedfs_s3_config`, the
 * identities JSON); the buckets of the S3 consumers on this cluster created by the chart's
 * post-install hook; the cold tier as master.toml's cloud backend with its keys from a Secret.
 */
export function seaweedfsValues(ctx: ReleaseContext): ReleaseValues {
  const { seaweedfs: s, tiers } = ctx.manifest.spec.storage;
  const cold = tiers[2];
  const ns = namespaceOf('seaweedfs');
  const coldSecret: SecretNeed = {
    name: cold.credentialsSecretRef.name,
    namespace: ns,
    path: 'catalyst/cold-tier',
    keys: { accessKeyId: 'accessKeyId', secretAccessKey: 'secretAccessKey' },
  };
  const s3Config: SecretNeed = {
    name: SEAWEEDFS_S3_CONFIG_SECRET,
    namespace: ns,
    path: 'catalyst/s3/seaweedfs',
    keys: { seaweedfs_s3_config: 'config' },
  };
  const fromCold = (key: string) => ({ secretKeyRef: { name: coldSecret.name, key } });
  const buckets = [...new Set(ctx.cluster.components.flatMap((id) => bucketsOf(id)))].sort();
  return {
    values: {
      master: {
        replicas: s.masterReplicas,
        config: masterToml(cold),
        extraEnvironmentVars: {
          WEED_STORAGE_BACKEND_S3_DEFAULT_AWS_ACCESS_KEY_ID: fromCold('accessKeyId'),
          WEED_STORAGE_BACKEND_S3_DEFAULT_AWS_SECRET_ACCESS_KEY: fromCold('secretAccessKey'),
        },
      },
      volume: {
        replicas: s.volumeReplicas,
        dataDirs: [
          {
            name: 'data1',
            type: 'persistentVolumeClaim',
            size: `${s.volumeSizeGi}Gi`,
            maxVolumes: 0,
          },
        ],
      },
      filer: { replicas: s.filerReplicas },
      s3: {
        enabled: true,
        replicas: s.s3Replicas,
        enableAuth: true,
        existingConfigSecret: s3Config.name,
        ...(buckets.length > 0 ? { createBuckets: buckets.map((name) => ({ name })) } : {}),
      },
    },
    secrets: [s3Config, coldSecret],
  };
}

/**
 * cert-manager v1.16.2: the chart installs its CRDs (`crds.enabled`). The ClusterIssuer
 * (Let's Encrypt or the corporate CA) is no chart value: it is a separate object of the tree.
 */
export function certManagerValues(): Values {
  return { crds: { enabled: true } };
}

/** The PowerDNS API key Secret, in a namespace (PowerDNS's own and external-dns's). */
export function powerdnsApiSecret(namespace: string): SecretNeed {
  return {
    name: 'powerdns-api',
    namespace,
    path: 'catalyst/powerdns',
    keys: { 'api-key': 'apiKey' },
  };
}

/**
 * powerdns 0.10.0 (schich.tel), on the keys the upstream bp-powerdns overlay sets: the zone, the
 * API key from a Secret, and lua records when the placement's policy answers with them.
 */
export function powerdnsValues(ctx: ReleaseContext): ReleaseValues {
  const { dns } = ctx.manifest.spec;
  const secret = powerdnsApiSecret(namespaceOf('powerdns'));
  const lua = LUA_POLICIES.find((p) => p.id === dns.luaPolicy)?.lua ?? null;
  return {
    values: {
      powerdns: {
        zoneName: dns.domain,
        api: { key: { name: secret.name, key: 'api-key' } },
        ...(lua ? { additionalConfig: 'enable-lua-records=yes\n' } : {}),
      },
    },
    secrets: [secret],
  };
}

/**
 * external-dns 1.15.2 with the PowerDNS provider (`provider.name: pdns`): the API URL as a flag,
 * the key as EXTERNAL_DNS_PDNS_API_KEY (external-dns reads every flag from EXTERNAL_DNS_<FLAG>)
 * from a Secret. One owner id per cluster, so two clusters never delete each other's records.
 */
export function externalDnsValues(ctx: ReleaseContext): ReleaseValues {
  const secret = powerdnsApiSecret(namespaceOf('external-dns'));
  return {
    values: {
      provider: { name: 'pdns' },
      extraArgs: [`--pdns-server=${reach(ctx, 'powerdns', 'powerdns', 8081)}`],
      env: [
        {
          name: 'EXTERNAL_DNS_PDNS_API_KEY',
          valueFrom: { secretKeyRef: { name: secret.name, key: 'api-key' } },
        },
      ],
      domainFilters: [ctx.manifest.spec.dns.domain],
      txtOwnerId: ctx.cluster.name,
    },
    secrets: [secret],
  };
}
