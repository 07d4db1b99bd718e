// ELK's layered algorithm as a layout backend, for comparison in benchmarks and tests (the app
// does not use it: elkjs is ~454 kB gzip).
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import {
  DEFAULT_LAYOUT_OPTIONS,
  type Layout,
  type LayoutInput,
  type LayoutOptions,
  type NodeBox,
  type Point,
} from '../../src/shared/lib/layout/layout-types';

const elk = new ELK();

/** Lays out with ELK layered (left to right, orthogonal edges); asynchronous like ELK. */
export async function elkLayout<Id extends string>(
  input: LayoutInput<Id>,
  options: LayoutOptions = {},
): Promise<Layout<Id>> {
  const o = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const graph: ElkNode & { edges: ElkExtendedEdge[] } = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(o.nodeGap),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(o.rankGap),
    },
    children: input.nodes.map((n) => ({ id: n.id, width: o.nodeWidth, height: o.nodeHeight })),
    edges: input.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const result = await elk.layout(graph);
  const nodes = new Map<Id, NodeBox>();
  for (const c of result.children ?? []) {
    nodes.set(c.id as Id, {
      x: c.x ?? 0,
      y: c.y ?? 0,
      width: c.width ?? o.nodeWidth,
      height: c.height ?? o.nodeHeight,
    });
  }
  const byId = new Map((result.edges ?? []).map((e) => [e.id, e]));
  const edges = input.edges.map((e) => {
    const points: Point[] = [];
    for (const s of byId.get(e.id)?.sections ?? [])
      points.push(s.startPoint, ...(s.bendPoints ?? []), s.endPoint);
    return { ...e, points };
  });
  return { nodes, edges, width: result.width ?? 0, height: result.height ?? 0 };
}
