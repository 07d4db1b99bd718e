// Helm values that carry the wizard's settings into the charts. Keys the upstream chart
// understands are set where known; the rest sit under a `catalyst` key for Catalyst's own
// jobs to read (Helm ignores keys a chart does not use).
import { LUA_POLICIES, S3_CONSUMERS } from '../../constants/domain';
import type { SovereignManifest } from '../../schemas/manifest';

type Values = Record<string, unknown>;
type S3Consumer = keyof typeof S3_CONSUMERS;

const isS3Consumer = (id: string): id is S3Consumer => Object.hasOwn(S3_CONSUMERS, id);

function s3Values(id: S3Consumer, endpoint: string): Values {
  const buckets = [...S3_CONSUMERS[id]];
  const url = `http://${endpoint}`;
  const common: Values = { catalyst: { s3: { endpoint: url, buckets } } };
  const bucket = buckets[0] ?? '';
  switch (id) {
    case 'velero':
      return {
        ...common,
        configuration: {
          backupStorageLocation: [
            {
              name: 'default',
              provider: 'aws',
              bucket,
              config: { region: 'us-east-1', s3ForcePathStyle: 'true', s3Url: url },
            },
          ],
        },
      };
    case 'loki':
      return {
        ...common,
        loki: {
          storage: {
            type: 's3',
            bucketNames: { chunks: bucket, ruler: bucket, admin: bucket },
            s3: { endpoint: url, s3ForcePathStyle: true, insecure: true },
          },
        },
      };
    case 'mimir':
      return {
        ...common,
        mimir: {
          structuredConfig: {
            common: {
              storage: {
                backend: 's3',
                s3: { endpoint, bucket_name: bucket, insecure: true },
              },
            },
          },
        },
      };
    case 'tempo':
      return {
        ...common,
        tempo: { storage: { trace: { backend: 's3', s3: { endpoint, bucket, insecure: true } } } },
      };
    default:
      return common;
  }
}

function seaweedfsValues(storage: SovereignManifest['spec']['storage']): Values {
  const s = storage.seaweedfs;
  const [hot, warm, cold] = storage.tiers;
  return {
    master: { replicas: s.masterReplicas },
    volume: {
      replicas: s.volumeReplicas,
      dataDirs: [{ name: 'data1', type: 'persistentVolumeClaim', size: `${s.volumeSizeGi}Gi` }],
    },
    filer: { replicas: s.filerReplicas },
    s3: { enabled: true, replicas: s.s3Replicas, enableAuth: true },
    catalyst: {
      placement: s.placement,
      enableNamePrefix: s.enableNamePrefix,
      tiers: {
        hotMaxAgeDays: hot.maxAgeDays,
        warmMaxAgeDays: warm.maxAgeDays,
        cold: {
          backend: cold.backend,
          bucket: cold.bucket,
          ...(cold.accountId ? { accountId: cold.accountId } : {}),
          ...(cold.region ? { region: cold.region } : {}),
          credentialsSecretRef: cold.credentialsSecretRef.name,
        },
      },
    },
  };
}

function powerdnsValues(dns: SovereignManifest['spec']['dns']): Values {
  const policy = LUA_POLICIES.find((p) => p.id === dns.luaPolicy);
  return {
    catalyst: {
      zone: dns.domain,
      nameservers: [...dns.nameservers],
      luaRecords: { policy: dns.luaPolicy, kind: policy?.lua ?? null },
      dnssec: { enabled: dns.dnssec.enabled, algorithm: dns.dnssec.algorithm },
    },
  };
}

function certManagerValues(m: SovereignManifest): Values {
  const issuer =
    m.spec.dns.tls.issuer === 'letsencrypt'
      ? {
          name: 'letsencrypt',
          acme: {
            email: m.spec.organization.email,
            server: 'https://acme-v02.api.letsencrypt.org/directory',
          },
        }
      : { name: 'corporate-ca', ca: { secretName: 'corporate-ca' } };
  return { crds: { enabled: true }, catalyst: { clusterIssuer: issuer } };
}

/** The values of one component's HelmRelease (empty when the wizard sets nothing for it). */
export function componentValues(id: string, m: SovereignManifest): Values {
  const { storage, dns } = m.spec;
  const values: Values = isS3Consumer(id) ? s3Values(id, storage.s3Endpoint) : {};
  switch (id) {
    case 'seaweedfs':
      return seaweedfsValues(storage);
    case 'powerdns':
      return powerdnsValues(dns);
    case 'cert-manager':
      return certManagerValues(m);
    case 'external-dns':
      return {
        provider: { name: 'pdns' },
        domainFilters: [dns.domain],
        txtOwnerId: m.metadata.name,
      };
    default:
      return values;
  }
}
