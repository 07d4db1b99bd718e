// The layout the app draws with: the layered layout of layered-layout.ts, chosen over dagre
// and ELK after measuring all three (see bench/layout.ts and docs/graph.md).
import type { Graph } from '../build-graph';
import { layeredLayout } from './layered-layout';
import type { Layout, LayoutOptions } from './layout-types';

/** Positions every node of a graph (ranks left to right) and routes every edge. */
export function layoutGraph<Id extends string>(
  graph: Graph<Id>,
  options: LayoutOptions = {},
): Layout<Id> {
  return layeredLayout(graph, options);
}
