// Engine benchmark: resolve + why + install order + capacity, on the real catalog and on
// synthetic DAG catalogs of 1,000 and 5,000 components (median of repeated runs).
import {
  CATALOG_INDEX,
  indexCatalog,
  type CatalogIndex,
  type CatalogNode,
} from '../src/shared/lib/catalog-graph';
import { defaultChoice, resolveSelection } from '../src/shared/lib/resolve-selection';
import { explainWhy } from '../src/shared/lib/explain-why';
import { topologicalOrder } from '../src/shared/lib/topological-order';
import { computeCapacity, sumRequests, type ResourceTotals } from '../src/shared/lib/capacity';
import { syntheticCatalog } from '../src/shared/lib/synthetic-catalog';
import { median } from './stats';

type Indexed<Id extends string> = CatalogIndex<
  Id,
  CatalogNode<Id> & { readonly resources: ResourceTotals }
>;

const REGIONS = [
  {
    name: 'region-1',
    controlPlane: { vcpu: 4, ramGiB: 8, diskGB: 160, count: 3 },
    workers: { vcpu: 16, ramGiB: 32, diskGB: 640, count: 10 },
  },
];

/** One full engine pass: what the wizard computes on every change of the selection. */
export function enginePass<Id extends string>(index: Indexed<Id>): number {
  const resolved = resolveSelection(index, defaultChoice(index));
  let reasons = 0;
  for (const id of index.ids)
    if (explainWhy(index, resolved, id).kind !== 'not-installed') reasons += 1;
  const order = topologicalOrder(index, resolved.installed);
  if (!order.ok) throw new Error('cycle in benchmark catalog');
  const report = computeCapacity(sumRequests(index, resolved.installed), REGIONS);
  return reasons + order.order.length + report.regions.length;
}

function time<Id extends string>(index: Indexed<Id>, runs: number): number {
  for (let i = 0; i < 5; i++) enginePass(index);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    enginePass(index);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** Median engine time in ms for the real catalog and synthetic 1,000 / 5,000-component catalogs. */
export function benchEngine(): Record<string, number> {
  return {
    'engine.catalog.ms': time(CATALOG_INDEX, 200),
    'engine.1000.ms': time(indexCatalog(syntheticCatalog(1000, 7)), 50),
    'engine.5000.ms': time(indexCatalog(syntheticCatalog(5000, 7)), 21),
  };
}
