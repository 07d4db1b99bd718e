// Values of the charts that keep their data on the SeaweedFS S3 endpoint, each on its own chart's
// keys (read off the chart versions in chart-facts.ts), with its bucket and credentials Secret.
// Every S3 client here is an AWS-SDK or minio-go client that reads AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY from its environment when no key is configured, so the credentials
// Secret is injected as environment and no key appears in values.
import type { ReleaseContext, ReleaseValues } from '../release-context';
import { S3_REGION, bucketOf, publicHost, s3Endpoint, s3Secret, s3Url } from './common';

/** The credentials Secret as environment (`envFrom`). */
const envFrom = (name: string) => [{ secretRef: { name } }];

/**
 * velero 12.0.1: one BackupStorageLocation on SeaweedFS through the AWS object-store plugin
 * (provider `aws`, installed as an init container as the chart documents). The chart mounts
 * `credentials.existingSecret` as the AWS credentials file, so the Secret has one key `cloud`
 * (an AWS shared-credentials file, kept whole in OpenBao). No volume snapshots: there is no
 * snapshot provider for SeaweedFS.
 */
export function veleroValues(): ReleaseValues {
  const secret = s3Secret('velero', { cloud: 'cloud' });
  return {
    values: {
      initContainers: [
        {
          name: 'velero-plugin-for-aws',
          image: 'velero/velero-plugin-for-aws:v1.14.0',
          imagePullPolicy: 'IfNotPresent',
          volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
        },
      ],
      configuration: {
        backupStorageLocation: [
          {
            name: 'default',
            provider: 'aws',
            bucket: bucketOf('velero'),
            default: true,
            config: { region: S3_REGION, s3ForcePathStyle: 'true', s3Url: s3Url() },
          },
        ],
      },
      snapshotsEnabled: false,
      credentials: { useSecret: true, existingSecret: secret.name },
    },
    secrets: [secret],
  };
}

/**
 * loki 7.0.0: single binary (as the upstream overlay runs it) with chunks, ruler and admin in the
 * loki bucket; the schema's object store is s3. `global.extraEnvFrom` injects the credentials.
 */
export function lokiValues(): ReleaseValues {
  const secret = s3Secret('loki');
  const bucket = bucketOf('loki');
  return {
    values: {
      deploymentMode: 'SingleBinary',
      global: { extraEnvFrom: envFrom(secret.name) },
      loki: {
        auth_enabled: false,
        commonConfig: { replication_factor: 1 },
        schemaConfig: {
          configs: [
            {
              from: '2024-04-01',
              store: 'tsdb',
              object_store: 's3',
              schema: 'v13',
              index: { prefix: 'loki_index_', period: '24h' },
            },
          ],
        },
        storage: {
          type: 's3',
          bucketNames: { chunks: bucket, ruler: bucket, admin: bucket },
          s3: { endpoint: s3Endpoint(), region: S3_REGION, s3ForcePathStyle: true, insecure: true },
        },
      },
      singleBinary: { replicas: 1 },
      read: { replicas: 0 },
      write: { replicas: 0 },
      backend: { replicas: 0 },
      minio: { enabled: false },
    },
    secrets: [secret],
  };
}

/**
 * mimir-distributed 6.0.6: the bundled MinIO off (`minio.enabled`, on by default), and every
 * store (blocks, alertmanager, ruler) on the mimir bucket through `common.storage`, each under its
 * own prefix (Mimir refuses blocks and ruler/alertmanager storage on one bucket and prefix).
 * `global.extraEnvFrom` injects the credentials into every Mimir pod.
 */
export function mimirValues(): ReleaseValues {
  const secret = s3Secret('mimir');
  return {
    values: {
      minio: { enabled: false },
      global: { extraEnvFrom: envFrom(secret.name) },
      mimir: {
        structuredConfig: {
          common: {
            storage: {
              backend: 's3',
              s3: {
                endpoint: s3Endpoint(),
                region: S3_REGION,
                bucket_name: bucketOf('mimir'),
                insecure: true,
              },
            },
          },
          blocks_storage: { storage_prefix: 'blocks' },
          alertmanager_storage: { storage_prefix: 'alertmanager' },
          ruler_storage: { storage_prefix: 'ruler' },
        },
      },
    },
    secrets: [secret],
  };
}

/** tempo 1.24.4: traces on the tempo bucket (`tempo.storage.trace`), credentials as env. */
export function tempoValues(): ReleaseValues {
  const secret = s3Secret('tempo');
  return {
    values: {
      tempo: {
        extraEnvFrom: envFrom(secret.name),
        storage: {
          trace: {
            backend: 's3',
            s3: {
              bucket: bucketOf('tempo'),
              endpoint: s3Endpoint(),
              region: S3_REGION,
              insecure: true,
              forcepathstyle: true,
            },
          },
        },
      },
    },
    secrets: [secret],
  };
}

/**
 * harbor 1.18.3: images and charts on S3 (`persistence.imageChartStorage.type: s3`) with the
 * chart's `existingSecret` (keys REGISTRY_STORAGE_S3_ACCESSKEY / _SECRETKEY, as values.yaml says);
 * redirects off, since clients cannot reach the in-cluster S3 endpoint. The admin password and
 * the encryption key come from Secrets too (the chart's defaults are published strings).
 */
export function harborValues(ctx: ReleaseContext): ReleaseValues {
  const s3 = s3Secret('harbor', {
    REGISTRY_STORAGE_S3_ACCESSKEY: 'accessKeyId',
    REGISTRY_STORAGE_S3_SECRETKEY: 'secretAccessKey',
  });
  const admin = {
    name: 'harbor-admin',
    namespace: s3.namespace,
    path: 'catalyst/harbor/admin',
    keys: { HARBOR_ADMIN_PASSWORD: 'password' },
  };
  const key = {
    name: 'harbor-secret-key',
    namespace: s3.namespace,
    path: 'catalyst/harbor/secret-key',
    keys: { secretKey: 'secretKey' },
  };
  const host = publicHost(ctx, 'harbor');
  return {
    values: {
      externalURL: `https://${host}`,
      expose: { ingress: { hosts: { core: host } } },
      existingSecretAdminPassword: admin.name,
      existingSecretAdminPasswordKey: 'HARBOR_ADMIN_PASSWORD',
      existingSecretSecretKey: key.name,
      persistence: {
        imageChartStorage: {
          disableredirect: true,
          type: 's3',
          s3: {
            existingSecret: s3.name,
            region: S3_REGION,
            bucket: bucketOf('harbor'),
            regionendpoint: s3Url(),
            secure: false,
            v4auth: true,
          },
        },
      },
    },
    secrets: [s3, admin, key],
  };
}

/**
 * kserve v0.16.0 (charts/kserve-resources): the storage initializer's S3 defaults
 * (`kserve.storage.s3`, rendered into the inferenceservice-config credentials block), so a model
 * `storageUri: s3://ai-hub-models/...` is fetched from SeaweedFS over plain HTTP. The bucket is
 * per InferenceService (its storageUri) and the keys come from the Secret of the
 * InferenceService's ServiceAccount (keys AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, the chart's
 * accessKeyIdName / secretAccessKeyName): the Secret is declared for the kserve namespace.
 */
export function kserveValues(): ReleaseValues {
  return {
    values: {
      kserve: {
        storage: {
          s3: {
            endpoint: s3Endpoint(),
            useHttps: '0',
            region: S3_REGION,
            useVirtualBucket: 'false',
          },
        },
      },
    },
    secrets: [s3Secret('kserve')],
  };
}
