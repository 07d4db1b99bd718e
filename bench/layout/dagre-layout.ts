// dagre as a layout backend, for comparison in benchmarks and tests (the app does not use it).
import dagre from '@dagrejs/dagre';
import {
  DEFAULT_LAYOUT_OPTIONS,
  type Layout,
  type LayoutInput,
  type LayoutOptions,
  type NodeBox,
} from '../../src/shared/lib/layout/layout-types';

/** Lays out with dagre's network-simplex ranking and its own ordering, left to right. */
export function dagreLayout<Id extends string>(
  input: LayoutInput<Id>,
  options: LayoutOptions = {},
): Layout<Id> {
  const o = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: o.nodeGap, ranksep: o.rankGap });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of input.nodes) g.setNode(n.id, { width: o.nodeWidth, height: o.nodeHeight });
  for (const e of input.edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const nodes = new Map<Id, NodeBox>();
  for (const n of input.nodes) {
    const d = g.node(n.id) as { x: number; y: number };
    nodes.set(n.id, {
      x: d.x - o.nodeWidth / 2,
      y: d.y - o.nodeHeight / 2,
      width: o.nodeWidth,
      height: o.nodeHeight,
    });
  }
  const edges = input.edges.map((e) => ({
    ...e,
    points: (g.edge(e.source, e.target) as { points: { x: number; y: number }[] }).points,
  }));
  const label = g.graph() as { width?: number; height?: number };
  return { nodes, edges, width: label.width ?? 0, height: label.height ?? 0 };
}
