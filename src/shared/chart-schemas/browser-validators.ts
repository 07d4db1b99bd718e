// The chart values schemas for the browser, each precompiled at build time
// (scripts/vite-chart-validators.ts) and loaded only when the advanced values editor asks for it.
import type { ComponentId } from '../constants/components';
import {
  chartSchemaName,
  fromAjvErrors,
  type AjvLikeError,
  type ChartValuesValidator,
} from '../lib/chart-values-check';

type Standalone = ((data: unknown) => boolean) & { errors?: AjvLikeError[] | null };
type Loader = () => Promise<{ default: Standalone }>;

const LOADERS: Readonly<Partial<Record<ComponentId, Loader>>> = {
  'cert-manager': () => import('./cert-manager.json?validator'),
  cnpg: () => import('./cnpg.json?validator'),
  'external-dns': () => import('./external-dns.json?validator'),
  'external-secrets': () => import('./external-secrets.json?validator'),
  guacamole: () => import('./guacamole.json?validator'),
  loki: () => import('./loki.json?validator'),
  openbao: () => import('./openbao.json?validator'),
  opentelemetry: () => import('./opentelemetry.json?validator'),
  reloader: () => import('./reloader.json?validator'),
  sigstore: () => import('./sigstore.json?validator'),
  velero: () => import('./velero.json?validator'),
  vllm: () => import('./vllm.json?validator'),
};

/** The components whose precompiled validator the browser can load. */
export const BROWSER_VALIDATOR_IDS = Object.keys(LOADERS) as ComponentId[];

/** Loads a component's chart values validator, or null when its chart publishes no schema. */
export async function loadChartValidator(id: ComponentId): Promise<ChartValuesValidator | null> {
  const load = LOADERS[id];
  if (!load) return null;
  const fn = (await load()).default;
  return (values) => (fn(values) ? [] : fromAjvErrors(fn.errors, chartSchemaName(id)));
}
