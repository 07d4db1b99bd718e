// Builders of the Flux objects the GitOps tree is made of (Flux v2: source v1, helm v2,
// kustomize v1; every one validated against ../shared/flux-crds in the tests). Plain data.
import type { ChartRef } from '../../constants/catalog-types';

/** The namespace every Flux object of the tree lives in. */
export const FLUX_NAMESPACE = 'flux-system';
/** The media type of a Helm chart layer in an OCI artifact. */
export const HELM_CHART_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

/** A Kubernetes object as the tree emits it. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
}

const labels = (component?: string): Record<string, string> => ({
  'app.kubernetes.io/part-of': 'catalyst',
  ...(component ? { 'catalyst.openova.io/component': component } : {}),
});

/** True when the chart lives in an OCI registry (`oci://`). */
export function isOciChart(chart: ChartRef): boolean {
  return chart.repository.startsWith('oci://');
}

/** The source of a chart: a HelmRepository, or an OCIRepository for `oci://` charts. */
export function chartSource(id: string, chart: ChartRef, version = chart.version): K8sObject {
  const metadata = { name: id, namespace: FLUX_NAMESPACE, labels: labels(id) };
  if (isOciChart(chart)) {
    return {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'OCIRepository',
      metadata,
      spec: {
        interval: '1h',
        url: `${chart.repository.replace(/\/+$/, '')}/${chart.name}`,
        ref: { tag: version },
        layerSelector: { mediaType: HELM_CHART_MEDIA_TYPE, operation: 'copy' },
      },
    };
  }
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata,
    spec: { interval: '1h', url: chart.repository },
  };
}

export interface HelmReleaseInput {
  id: string;
  /** The upstream chart, or `blueprint` for the Catalyst Blueprint `bp-<id>`. */
  chart: ChartRef | 'blueprint';
  version: string;
  targetNamespace: string;
  dependsOn: readonly string[];
  values: Record<string, unknown>;
}

/** A HelmRelease installing one component into its namespace, after its dependencies. */
export function helmRelease(input: HelmReleaseInput): K8sObject {
  const { id, chart, version } = input;
  const source =
    chart === 'blueprint'
      ? {
          chart: {
            spec: {
              chart: `bp-${id}`,
              version,
              sourceRef: {
                kind: 'HelmRepository',
                name: BLUEPRINT_REPOSITORY,
                namespace: FLUX_NAMESPACE,
              },
            },
          },
        }
      : isOciChart(chart)
        ? { chartRef: { kind: 'OCIRepository', name: id, namespace: FLUX_NAMESPACE } }
        : {
            chart: {
              spec: {
                chart: chart.name,
                version,
                sourceRef: { kind: 'HelmRepository', name: id, namespace: FLUX_NAMESPACE },
              },
            },
          };
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: id, namespace: FLUX_NAMESPACE, labels: labels(id) },
    spec: {
      interval: '10m',
      releaseName: id,
      targetNamespace: input.targetNamespace,
      ...source,
      install: { createNamespace: true, remediation: { retries: 3 } },
      upgrade: { remediation: { retries: 3 } },
      ...(input.dependsOn.length
        ? { dependsOn: input.dependsOn.map((name) => ({ name, namespace: FLUX_NAMESPACE })) }
        : {}),
      ...(Object.keys(input.values).length ? { values: input.values } : {}),
    },
  };
}

/** The name flux bootstrap gives the cluster's own GitRepository, sync Kustomization and Secret. */
export const FLUX_SYNC_NAME = 'flux-system';

/**
 * The GitRepository a freshly installed Flux pulls the cluster's folder from (what `flux bootstrap`
 * writes as gotk-sync). Its Secret `flux-system` (username, password) is created by the bootstrap.
 */
export function gitRepository(url: string): K8sObject {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name: FLUX_SYNC_NAME, namespace: FLUX_NAMESPACE, labels: labels() },
    spec: {
      interval: '1m',
      url,
      ref: { branch: 'main' },
      secretRef: { name: FLUX_SYNC_NAME },
    },
  };
}

/** The root Kustomization applying the cluster's folder (the other half of gotk-sync). */
export function syncKustomization(path: string): K8sObject {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: FLUX_SYNC_NAME, namespace: FLUX_NAMESPACE, labels: labels() },
    spec: {
      interval: '10m',
      path,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: FLUX_SYNC_NAME },
    },
  };
}

/** The HelmRepository of the Catalyst Blueprint charts `bp-<id>`: an OCI registry. */
export const BLUEPRINT_REPOSITORY = 'catalyst-blueprints';

export function blueprintRepository(registry: string, pullSecret: string): K8sObject {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: { name: BLUEPRINT_REPOSITORY, namespace: FLUX_NAMESPACE, labels: labels() },
    spec: {
      type: 'oci',
      interval: '1h',
      url: registry.replace(/\/+$/, ''),
      secretRef: { name: pullSecret },
    },
  };
}

/** A Flux Kustomization applying one category folder of the tree. */
export function fluxKustomization(
  category: string,
  path: string,
  dependsOn: readonly string[],
): K8sObject {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: category, namespace: FLUX_NAMESPACE, labels: labels() },
    spec: {
      interval: '10m',
      retryInterval: '1m',
      timeout: '30m',
      path,
      prune: true,
      wait: true,
      sourceRef: { kind: 'GitRepository', name: FLUX_SYNC_NAME },
      ...(dependsOn.length ? { dependsOn: dependsOn.map((name) => ({ name })) } : {}),
    },
  };
}

/** A kustomize (kustomize.config.k8s.io) Kustomization listing resource files. */
export function kustomizeFile(resources: readonly string[]): Record<string, unknown> {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [...resources],
  };
}
