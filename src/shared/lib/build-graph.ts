// The dependency graph of a selection: one node per shown component and one edge per
// dependency, pointing from the dependency to its dependent so install order reads
// left-to-right (rank 0, installed first, sits on the left).
import type { CatalogIndex, CatalogNode } from './catalog-graph';
import { explainWhy, type WhyReason } from './explain-why';
import type { ResolvedSelection } from './resolve-selection';
import { topologicalOrder } from './topological-order';

/** One component in the graph. */
export interface GraphNode<Id extends string = string> {
  readonly id: Id;
  readonly installed: boolean;
  /** Why it is installed ('not-installed' when shown only with showAll). */
  readonly reason: WhyReason<Id>['kind'];
  readonly family: string;
  readonly tier: CatalogNode['tier'];
  /** Longest-path layer over the shown nodes: 0 for components that need nothing shown. */
  readonly rank: number;
}

/** A dependency: `source` is installed before `target`, which lists it in `dependsOn`. */
export interface GraphEdge<Id extends string = string> {
  readonly id: string;
  readonly source: Id;
  readonly target: Id;
  /** Both ends are installed. */
  readonly installed: boolean;
}

/** Nodes in install order (topological, ties by declaration) and edges grouped by target. */
export interface Graph<Id extends string = string> {
  readonly nodes: readonly GraphNode<Id>[];
  readonly edges: readonly GraphEdge<Id>[];
}

export interface BuildGraphOptions {
  /** Show every catalog component, not only the installed ones. */
  readonly showAll?: boolean;
}

type FamilyOf<N> = N extends { readonly family: infer F extends string } ? F : never;

/** The graph of the installed set (or the whole catalog with showAll); throws on a cycle. */
export function buildGraph<Id extends string, N extends CatalogNode<Id>>(
  index: CatalogIndex<Id, N>,
  resolved: ResolvedSelection<Id>,
  options: BuildGraphOptions = {},
): Graph<Id> {
  const shown = options.showAll ? index.ids : index.ids.filter((id) => resolved.installed.has(id));
  const topo = topologicalOrder(index, shown);
  if (!topo.ok) throw new Error(`dependency cycle: ${topo.cycle.join(' -> ')}`);
  const nodes: GraphNode<Id>[] = topo.order.map((id) => {
    const def = index.byId.get(id) as N & { family?: FamilyOf<N> };
    return {
      id,
      installed: resolved.installed.has(id),
      reason: explainWhy(index, resolved, id).kind,
      family: def.family ?? '',
      tier: def.tier,
      rank: topo.ranks.get(id) ?? 0,
    };
  });
  const edges: GraphEdge<Id>[] = [];
  for (const { id } of nodes) {
    for (const dep of index.byId.get(id)?.dependsOn ?? []) {
      if (!topo.ranks.has(dep)) continue;
      edges.push({
        id: `${dep}->${id}`,
        source: dep,
        target: id,
        installed: resolved.installed.has(dep) && resolved.installed.has(id),
      });
    }
  }
  return { nodes, edges };
}

/** Every node reachable from `id` along edges (downstream) or against them (upstream), with `id`. */
export function chainOf<Id extends string>(graph: Graph<Id>, id: Id): Set<Id> {
  const out = new Map<Id, Id[]>();
  const into = new Map<Id, Id[]>();
  const push = (m: Map<Id, Id[]>, k: Id, v: Id) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const e of graph.edges) {
    push(out, e.source, e.target);
    push(into, e.target, e.source);
  }
  // In a DAG nothing is both upstream and downstream of `id`, so one `seen` serves both walks.
  const seen = new Set<Id>([id]);
  for (const adjacency of [out, into]) {
    const queue: Id[] = [id];
    for (let head = 0; head < queue.length; head++) {
      for (const next of adjacency.get(queue[head] as Id) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
