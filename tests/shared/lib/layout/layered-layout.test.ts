import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGraph, type Graph } from '../../../../src/shared/lib/build-graph';
import { CATALOG_INDEX, indexCatalog } from '../../../../src/shared/lib/catalog-graph';
import { dagreLayout } from '../../../../bench/layout/dagre-layout';
import { elkLayout } from '../../../../bench/layout/elk-layout';
import { layeredLayout } from '../../../../src/shared/lib/layout/layered-layout';
import { layoutGraph } from '../../../../src/shared/lib/layout/layout-graph';
import type { Layout } from '../../../../src/shared/lib/layout/layout-types';
import {
  backwardEdges,
  countCrossings,
  overlappingPairs,
} from '../../../../src/shared/lib/layout/metrics';
import { defaultChoice, resolveSelection } from '../../../../src/shared/lib/resolve-selection';
import { syntheticCatalog } from '../../../../src/shared/lib/synthetic-catalog';
import { catalogWithChoice } from '../random-catalog';

const realGraph = (showAll: boolean) =>
  buildGraph(CATALOG_INDEX, resolveSelection(CATALOG_INDEX, defaultChoice(CATALOG_INDEX)), {
    showAll,
  });

/** The properties every drawing must have. */
function expectClean(graph: Graph, layout: Layout) {
  expect([...layout.nodes.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
  expect(overlappingPairs(layout)).toEqual([]);
  expect(backwardEdges(layout)).toEqual([]);
  expect(layout.edges).toHaveLength(graph.edges.length);
  for (const e of layout.edges) {
    const s = layout.nodes.get(e.source);
    const t = layout.nodes.get(e.target);
    expect(e.points[0]).toEqual({
      x: (s?.x ?? 0) + (s?.width ?? 0),
      y: (s?.y ?? 0) + (s?.height ?? 0) / 2,
    });
    expect(e.points.at(-1)).toEqual({ x: t?.x, y: (t?.y ?? 0) + (t?.height ?? 0) / 2 });
    for (let i = 1; i < e.points.length; i++)
      expect(e.points[i]?.x).toBeGreaterThanOrEqual(e.points[i - 1]?.x ?? 0);
  }
}

describe('layeredLayout', () => {
  it.each([false, true])('draws the real catalog cleanly (showAll %s)', (showAll) => {
    const graph = realGraph(showAll);
    expectClean(graph, layoutGraph(graph));
  });

  it('puts each rank in its own column, left to right', () => {
    const graph = realGraph(true);
    const layout = layoutGraph(graph);
    for (const n of graph.nodes) expect(layout.nodes.get(n.id)?.x).toBe(n.rank * 280);
  });

  it('gives the same layout for the same input', () => {
    const graph = realGraph(true);
    const a = layoutGraph(graph);
    const b = layoutGraph(
      buildGraph(CATALOG_INDEX, resolveSelection(CATALOG_INDEX, defaultChoice(CATALOG_INDEX)), {
        showAll: true,
      }),
    );
    expect([...b.nodes]).toEqual([...a.nodes]);
    expect(b.edges).toEqual(a.edges);
  });

  it('reduces crossings: sweeps do better than none on the whole catalog', () => {
    const graph = realGraph(true);
    expect(countCrossings(layeredLayout(graph))).toBeLessThan(
      countCrossings(layeredLayout(graph, { sweeps: 0 })),
    );
  });

  it('draws random DAGs cleanly and deterministically', () => {
    fc.assert(
      fc.property(catalogWithChoice(30), fc.boolean(), ({ nodes, chosen }, showAll) => {
        const index = indexCatalog(nodes);
        const graph = buildGraph(index, resolveSelection(index, chosen), { showAll });
        const layout = layeredLayout(graph);
        expectClean(graph, layout);
        expect([...layeredLayout(graph).nodes]).toEqual([...layout.nodes]);
      }),
      { numRuns: 150 },
    );
  });

  // Its time is a bench figure (layered.1000.ms in npm run bench), not a wall-clock assertion.
  it('draws a 1,000-node synthetic DAG cleanly: no overlap, every edge forward', () => {
    const index = indexCatalog(syntheticCatalog(1000));
    const graph = buildGraph(index, resolveSelection(index, []), { showAll: true });
    const layout = layeredLayout(graph);
    expect(overlappingPairs(layout)).toEqual([]);
    expect(backwardEdges(layout)).toEqual([]);
  });

  it('rejects an edge that does not go forward in rank', () => {
    expect(() =>
      layeredLayout({
        nodes: [
          { id: 'a', rank: 1 },
          { id: 'b', rank: 1 },
        ],
        edges: [{ id: 'a->b', source: 'a', target: 'b' }],
      }),
    ).toThrow(/forward/);
  });
});

describe('the comparison backends', () => {
  it('dagre and ELK draw the default selection without overlaps or backward edges', async () => {
    const graph = realGraph(false);
    expectCleanLoose(dagreLayout(graph));
    expectCleanLoose(await elkLayout(graph));
  });
});

function expectCleanLoose(layout: Layout) {
  expect(overlappingPairs(layout)).toEqual([]);
  expect(backwardEdges(layout)).toEqual([]);
}
