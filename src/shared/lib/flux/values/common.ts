// Helpers shared by the per-chart values: which chart a component is installed with, the one S3
// endpoint, addresses reached across clusters, and the Secrets a release reads.
import { getComponent, isComponentId, type ComponentId } from '../../../constants/components';
import { S3_CONSUMERS } from '../../../constants/domain';
import { serviceHost } from '../chart-facts';
import type { ReleaseContext, ReleaseValues, SecretNeed, Values } from '../release-context';

export const NO_VALUES: ReleaseValues = { values: {}, secrets: [] };

/** The upstream chart name a component is installed with, or null for the Blueprint `bp-<id>`. */
export function chartName(id: ComponentId): string | null {
  return getComponent(id).chart?.name ?? null;
}

/** The namespace a component installs into. */
export const namespaceOf = (id: ComponentId): string => getComponent(id).namespace;

/**
 * The SeaweedFS S3 endpoint (`seaweedfs-s3.storage.svc:8333`): the Service the seaweedfs chart
 * creates for release `seaweedfs` (chart-facts CHART_SERVICES), in SeaweedFS's namespace. Every
 * cluster runs its own SeaweedFS (every-cluster), so a consumer always uses its own cluster's.
 */
export function s3Endpoint(): string {
  return serviceHost('seaweedfs', namespaceOf('seaweedfs'), 'seaweedfs-s3', 8333);
}

export const s3Url = (): string => `http://${s3Endpoint()}`;

/** SeaweedFS's S3 gateway ignores the region, but S3 clients need one to sign requests. */
export const S3_REGION = 'us-east-1';

type S3ConsumerId = keyof typeof S3_CONSUMERS;
const isS3Consumer = (id: string): id is S3ConsumerId => Object.hasOwn(S3_CONSUMERS, id);

/** The buckets a component uses on the SeaweedFS S3 endpoint (none when it is no consumer). */
export function bucketsOf(id: string): readonly string[] {
  return isS3Consumer(id) ? S3_CONSUMERS[id] : [];
}

/** The first bucket of an S3 consumer. */
export function bucketOf(id: string): string {
  const b = bucketsOf(id)[0];
  if (b === undefined) throw new Error(`${id} is no S3 consumer`);
  return b;
}

/** The Secret name holding a consumer's S3 credentials. */
export const s3SecretName = (id: ComponentId): string => `${id}-s3-credentials`;

/** The OpenBao KV path of a consumer's S3 credentials. */
export const s3SecretPath = (id: ComponentId): string => `catalyst/s3/${id}`;

/**
 * The S3 credentials Secret a consumer reads, in its namespace, from `catalyst/s3/<id>`.
 * `keys`: Secret key → property of the OpenBao entry; the default is the AWS environment names,
 * which every AWS-SDK/minio-go client reads when no key is configured.
 */
export function s3Secret(
  id: ComponentId,
  keys: Readonly<Record<string, string>> = {
    AWS_ACCESS_KEY_ID: 'accessKeyId',
    AWS_SECRET_ACCESS_KEY: 'secretAccessKey',
  },
): SecretNeed {
  return { name: s3SecretName(id), namespace: namespaceOf(id), path: s3SecretPath(id), keys };
}

/** The Sovereign's public DNS name of a component: `<id>.<domain>`. */
export function publicHost(ctx: ReleaseContext, host: string): string {
  return `${host}.${ctx.manifest.spec.dns.domain}`;
}

/**
 * How a release on `ctx.cluster` reaches another component's HTTP service: the in-cluster
 * Service when that component runs on the same cluster, otherwise its Sovereign DNS name
 * (`https://<id>.<domain>`): an mgt component is one per Sovereign and lives on the mgt
 * cluster(s) only, so a `.svc` address would name nothing on an rtz-only cluster.
 */
export function reach(
  ctx: ReleaseContext,
  id: string,
  service: string,
  port: number,
  path = '',
): string {
  if (isComponentId(id) && ctx.has(id))
    return `http://${serviceHost(id, namespaceOf(id), service, port)}${path}`;
  return `https://${publicHost(ctx, id)}${path}`;
}

/** Values with no Secret. */
export const plain = (values: Values): ReleaseValues => ({ values, secrets: [] });
