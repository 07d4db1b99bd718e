// Helm values that carry the wizard's settings into the charts, per cluster. Only keys the
// installed chart really reads are emitted (chart-facts.ts lists each chart's top-level keys and
// where they were read); a component installed as the Catalyst Blueprint `bp-<id>` gets no values
// (the bp charts carry upstream's curated defaults; no bp values.yaml key is verified here).
// Every Secret a release reads is returned as a SecretNeed for the renderer to create from
// OpenBao; no secret value is ever in values.
//
// Not here, on purpose:
// - CloudNative PG: the cloudnative-pg operator chart has no backup keys; WAL archiving to the
//   cnpg-wal bucket is per `Cluster` resource (spec.backup.barmanObjectStore), not a chart value.
//   SeaweedFS still creates the cnpg buckets on every cluster that runs cnpg.
// - LiveKit egress recordings: the livekit-server chart has no egress or storage keys (egress is
//   a separate service and chart).
// - OpenSearch snapshots: a snapshot repository is registered through the OpenSearch API, not
//   the chart; the chart's repository-s3 plugin/keystore/opensearch.yml keys are not set here
//   (overriding `config` replaces the chart's whole opensearch.yml).
// - Iceberg, Apache Guacamole and the other bp charts: no chart key verified to set.
// - cert-manager's ClusterIssuer: a Kubernetes object, not a value.
import type { ComponentId } from '../../constants/components';
import { overlayValues } from '../component-settings';
import type { ReleaseContext, ReleaseValues } from './release-context';
import { vllmValues } from './values/ai';
import { NO_VALUES, chartName, plain } from './values/common';
import {
  certManagerValues,
  ciliumValues,
  externalDnsValues,
  powerdnsValues,
  seaweedfsValues,
} from './values/platform';
import {
  harborValues,
  kserveValues,
  lokiValues,
  mimirValues,
  tempoValues,
  veleroValues,
} from './values/s3-consumers';

export type { ReleaseValues } from './release-context';

/** The values of each component, keyed by the chart they are written for. */
const BY_CHART: Readonly<
  Record<string, { chart: string; values: (ctx: ReleaseContext) => ReleaseValues }>
> = {
  cilium: { chart: 'cilium', values: () => plain(ciliumValues()) },
  seaweedfs: { chart: 'seaweedfs', values: seaweedfsValues },
  'cert-manager': { chart: 'cert-manager', values: () => plain(certManagerValues()) },
  powerdns: { chart: 'powerdns', values: powerdnsValues },
  'external-dns': { chart: 'external-dns', values: externalDnsValues },
  velero: { chart: 'velero', values: veleroValues },
  loki: { chart: 'loki', values: lokiValues },
  mimir: { chart: 'mimir-distributed', values: mimirValues },
  tempo: { chart: 'tempo', values: tempoValues },
  harbor: { chart: 'harbor', values: harborValues },
  kserve: { chart: 'kserve', values: () => kserveValues() },
  vllm: { chart: 'vllm-stack', values: () => plain(vllmValues()) },
};

/**
 * The values and Secrets of one component's HelmRelease on `ctx.cluster`: its default values
 * (empty when the wizard sets nothing for it, when it is installed as `bp-<id>`, or when the
 * catalog installs it with another chart than the one its values are written for), overlaid
 * with the manifest's settings for it and then its advanced values.
 */
export function componentValues(id: ComponentId, ctx: ReleaseContext): ReleaseValues {
  const base = defaultValues(id, ctx);
  const listed = ctx.manifest.spec.components.find((c) => c.id === id);
  if (!listed?.settings && !listed?.values) return base;
  // The defaults, then the settings on their chart paths, then the advanced values.
  return {
    values: overlayValues(id, base.values, listed.settings, listed.values),
    secrets: base.secrets,
  };
}

/** The values the wizard's own choices give a release, before settings and advanced values. */
export function defaultValues(id: ComponentId, ctx: ReleaseContext): ReleaseValues {
  const entry = BY_CHART[id];
  if (!entry || chartName(id) !== entry.chart) return NO_VALUES;
  return entry.values(ctx);
}

/** The chart each component's values are written for (for tests and the docs). */
export const VALUES_CHARTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(BY_CHART).map(([id, e]) => [id, e.chart]),
);
