// The values schemas the catalog's charts publish (`values.schema.json` at the pinned chart
// version), vendored unchanged beside this file as <component>.json. Helm validates a release's
// values against it on install; the API's admission, `catalyst validate` and the advanced values
// editor do the same with the merged values (lib/chart-values-check.ts), so a value the chart
// would refuse is refused before anything is committed. README.md lists what was checked and why
// the other charts have none here.
import type { ComponentId } from '../constants/components';

/** Where one vendored schema comes from. */
export interface ChartSchemaSource {
  /** The chart name and version it was published with (the catalog's pin). */
  readonly chart: string;
  readonly version: string;
  /** The file at the chart version's tag. */
  readonly source: string;
  /** The JSON Schema dialect it declares: draft-07 (or none, read as draft-07) or 2020-12. */
  readonly draft: '07' | '2020-12';
  /** Size of the vendored file in bytes. */
  readonly bytes: number;
}

const gh = (repo: string, tag: string, path: string) =>
  `https://github.com/${repo}/blob/${tag}/${path}`;

/** The components whose chart publishes a values schema, each with where it was read. */
export const CHART_SCHEMAS: Readonly<Partial<Record<ComponentId, ChartSchemaSource>>> = {
  'cert-manager': {
    chart: 'cert-manager',
    version: 'v1.16.2',
    source: gh(
      'cert-manager/cert-manager',
      'v1.16.2',
      'deploy/charts/cert-manager/values.schema.json',
    ),
    draft: '07',
    bytes: 96666,
  },
  cnpg: {
    chart: 'cloudnative-pg',
    version: '0.28.0',
    source: gh(
      'cloudnative-pg/charts',
      'cloudnative-pg-v0.28.0',
      'charts/cloudnative-pg/values.schema.json',
    ),
    draft: '07',
    bytes: 8819,
  },
  'external-dns': {
    chart: 'external-dns',
    version: '1.15.2',
    source: gh(
      'kubernetes-sigs/external-dns',
      'external-dns-helm-chart-1.15.2',
      'charts/external-dns/values.schema.json',
    ),
    draft: '07',
    bytes: 1899,
  },
  'external-secrets': {
    chart: 'external-secrets',
    version: '0.10.7',
    source: gh(
      'external-secrets/external-secrets',
      'helm-chart-0.10.7',
      'deploy/charts/external-secrets/values.schema.json',
    ),
    draft: '2020-12',
    bytes: 28567,
  },
  guacamole: {
    chart: 'guacamole',
    version: '1.5.1',
    source: gh('helmforgedev/charts', 'guacamole-v1.5.1', 'charts/guacamole/values.schema.json'),
    draft: '07',
    bytes: 18373,
  },
  loki: {
    chart: 'loki',
    version: '7.0.0',
    source: gh('grafana/loki', 'helm-loki-7.0.0', 'production/helm/loki/values.schema.json'),
    draft: '07',
    bytes: 348,
  },
  openbao: {
    chart: 'openbao',
    version: '0.16.0',
    source: gh('openbao/openbao-helm', 'openbao-0.16.0', 'charts/openbao/values.schema.json'),
    draft: '07',
    bytes: 41123,
  },
  opentelemetry: {
    chart: 'opentelemetry-collector',
    version: '0.152.0',
    source: gh(
      'open-telemetry/opentelemetry-helm-charts',
      'opentelemetry-collector-0.152.0',
      'charts/opentelemetry-collector/values.schema.json',
    ),
    draft: '07',
    bytes: 31880,
  },
  reloader: {
    chart: 'reloader',
    version: '2.2.11',
    source: gh(
      'stakater/Reloader',
      'chart-v2.2.11',
      'deployments/kubernetes/chart/reloader/values.schema.json',
    ),
    draft: '07',
    bytes: 341,
  },
  sigstore: {
    chart: 'policy-controller',
    version: '0.10.6',
    source: gh(
      'sigstore/helm-charts',
      'policy-controller-0.10.6',
      'charts/policy-controller/values.schema.json',
    ),
    draft: '07',
    bytes: 14491,
  },
  velero: {
    chart: 'velero',
    version: '12.0.1',
    source: gh('vmware-tanzu/helm-charts', 'velero-12.0.1', 'charts/velero/values.schema.json'),
    draft: '07',
    bytes: 27391,
  },
  vllm: {
    chart: 'vllm-stack',
    version: '0.1.5',
    source: gh('vllm-project/production-stack', 'vllm-stack-0.1.5', 'helm/values.schema.json'),
    draft: '2020-12',
    bytes: 12112,
  },
};

/** The component ids with a vendored values schema. */
export const CHART_SCHEMA_IDS = Object.keys(CHART_SCHEMAS) as ComponentId[];

/** True when a component's chart publishes a vendored values schema. */
export const hasChartSchema = (id: string): id is ComponentId => Object.hasOwn(CHART_SCHEMAS, id);
