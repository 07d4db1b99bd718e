// What the values of one HelmRelease are computed from: the manifest, the cluster the release
// is rendered for, and the plan of every cluster (for addresses reached across regions).
import type { ComponentId } from '../../constants/components';
import type { SovereignManifest } from '../../schemas/manifest';
import type { ClusterPlan, SovereignPlan } from '../placement';

export type Values = Record<string, unknown>;

export interface ReleaseContext {
  readonly manifest: SovereignManifest;
  readonly plan: SovereignPlan;
  /** The cluster this release is rendered for. */
  readonly cluster: ClusterPlan;
  /** True when this cluster installs the component. */
  readonly has: (id: ComponentId) => boolean;
}

/**
 * A Secret a release reads, created in its namespace by an ExternalSecret from OpenBao
 * (`path`: the KV entry under the `catalyst` mount, e.g. `s3/loki`; `keys`: Secret key →
 * property of that entry).
 */
export interface SecretNeed {
  readonly name: string;
  readonly namespace: string;
  readonly path: string;
  readonly keys: Readonly<Record<string, string>>;
}

export interface ReleaseValues {
  readonly values: Values;
  readonly secrets: readonly SecretNeed[];
}

/** The release context of one cluster of a plan. */
export function releaseContext(
  manifest: SovereignManifest,
  plan: SovereignPlan,
  cluster: ClusterPlan,
): ReleaseContext {
  const on = new Set<ComponentId>(cluster.components);
  return { manifest, plan, cluster, has: (id) => on.has(id) };
}
