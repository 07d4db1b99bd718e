// Layout benchmark: the app's layered layout against dagre and ELK layered, on the real
// catalog (every component shown) and on a synthetic 1,000-component DAG. Reports the median
// time in ms and the edge crossings of each drawing, and checks that none overlaps nodes or
// draws an edge backwards. ELK is asynchronous and dagre at 1,000 nodes takes tens of seconds,
// so both run in a child process (time-boxed) and benchLayout() stays synchronous.
// Standalone: `npx tsx bench/layout.ts` (add `--fast` to skip dagre at 1,000 nodes).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildGraph, type Graph } from '../src/shared/lib/build-graph';
import { CATALOG_INDEX, indexCatalog } from '../src/shared/lib/catalog-graph';
import { dagreLayout } from './layout/dagre-layout';
import { elkLayout } from './layout/elk-layout';
import { layeredLayout } from '../src/shared/lib/layout/layered-layout';
import type { Layout } from '../src/shared/lib/layout/layout-types';
import { backwardEdges, countCrossings, overlappingPairs } from '../src/shared/lib/layout/metrics';
import { resolveSelection } from '../src/shared/lib/resolve-selection';
import { syntheticCatalog } from '../src/shared/lib/synthetic-catalog';
import { median } from './stats';

const SELF = fileURLToPath(import.meta.url);
/** The longest a child process may take before its figure is reported as "> limit". */
const CHILD_LIMIT_MS = 120_000;

function graphs(): Record<'catalog' | '1000', Graph> {
  const big = indexCatalog(syntheticCatalog(1000));
  return {
    catalog: buildGraph(CATALOG_INDEX, resolveSelection(CATALOG_INDEX, []), { showAll: true }),
    '1000': buildGraph(big, resolveSelection(big, []), { showAll: true }),
  };
}

/** Quality figures of one drawing; overlaps and backward edges must be 0 to count as clean. */
function quality(prefix: string, layout: Layout): Record<string, number> {
  return {
    [`${prefix}.crossings`]: countCrossings(layout),
    [`${prefix}.overlaps`]: overlappingPairs(layout).length,
    [`${prefix}.backward`]: backwardEdges(layout).length,
  };
}

function timeSync(prefix: string, runs: number, fn: () => Layout): Record<string, number> {
  let layout = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    layout = fn();
    samples.push(performance.now() - t0);
  }
  return { [`${prefix}.ms`]: median(samples), ...quality(prefix, layout) };
}

async function timeAsync(prefix: string, runs: number, fn: () => Promise<Layout>) {
  let layout = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    layout = await fn();
    samples.push(performance.now() - t0);
  }
  return { [`${prefix}.ms`]: median(samples), ...quality(prefix, layout) };
}

/** Runs this file in a child process in one of its child modes; null when it timed out. */
function child(mode: '--elk' | '--dagre-1000'): Record<string, number> | null {
  const res = spawnSync(process.execPath, ['--import', 'tsx', SELF, mode], {
    encoding: 'utf8',
    timeout: CHILD_LIMIT_MS,
  });
  if (res.error || res.status !== 0) return null;
  return JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
}

/** Layout figures; `slow` adds dagre at 1,000 nodes (one run, ~40 s, time-boxed). */
export function benchLayout(options: { slow?: boolean } = {}): Record<string, number> {
  const g = graphs();
  const out: Record<string, number> = {
    'layout.catalog.nodes': g.catalog.nodes.length,
    'layout.catalog.edges': g.catalog.edges.length,
    'layout.1000.edges': g['1000'].edges.length,
    ...timeSync('layered.catalog', 200, () => layeredLayout(g.catalog)),
    ...timeSync('layered.1000', 15, () => layeredLayout(g['1000'])),
    ...timeSync('dagre.catalog', 15, () => dagreLayout(g.catalog)),
  };
  Object.assign(out, child('--elk') ?? { 'elk.timeout.ms': CHILD_LIMIT_MS });
  if (options.slow)
    Object.assign(out, child('--dagre-1000') ?? { 'dagre.1000.timeout.ms': CHILD_LIMIT_MS });
  return out;
}

async function childMain(mode: string): Promise<void> {
  const g = graphs();
  if (mode === '--elk') {
    const catalog = await timeAsync('elk.catalog', 10, () => elkLayout(g.catalog));
    const big = await timeAsync('elk.1000', 2, () => elkLayout(g['1000']));
    console.log(JSON.stringify({ ...catalog, ...big }));
  } else {
    const t0 = performance.now();
    const layout = dagreLayout(g['1000']);
    console.log(
      JSON.stringify({ 'dagre.1000.ms': performance.now() - t0, ...quality('dagre.1000', layout) }),
    );
  }
}

function printTable(figures: Record<string, number>): void {
  const rows = ['layered', 'dagre', 'elk'].flatMap((algo) =>
    ['catalog', '1000'].map((size) => {
      const f = (k: string) => figures[`${algo}.${size}.${k}`];
      const ms = f('ms');
      const timedOut = figures[`${algo}.${size === '1000' ? '1000.' : ''}timeout.ms`];
      return {
        layout: algo,
        graph:
          size === 'catalog' ? `catalog (${figures['layout.catalog.nodes']} nodes)` : '1000 nodes',
        'median ms':
          ms !== undefined ? ms.toFixed(2) : timedOut ? `> ${timedOut / 1000} s` : 'skipped',
        crossings: f('crossings') ?? '',
        overlaps: f('overlaps') ?? '',
        backward: f('backward') ?? '',
      };
    }),
  );
  console.table(rows);
}

if (process.argv[1] === SELF) {
  const mode = process.argv[2];
  if (mode === '--elk' || mode === '--dagre-1000') await childMain(mode);
  else printTable(benchLayout({ slow: mode !== '--fast' }));
}
