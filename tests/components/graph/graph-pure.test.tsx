// The graph's pure helpers: SVG export, arrow-key navigation, edge paths.
import { describe, expect, it } from 'vitest';
import { graphToSvg } from '../../../src/components/graph/graph-svg';
import { nextNode } from '../../../src/components/graph/graph-navigation';
import { edgePath } from '../../../src/components/graph/edge-path';
import { buildGraph } from '../../../src/shared/lib/build-graph';
import { CATALOG_INDEX } from '../../../src/shared/lib/catalog-graph';
import { layoutGraph } from '../../../src/shared/lib/layout/layout-graph';
import { defaultChoice, resolveSelection } from '../../../src/shared/lib/resolve-selection';
import { getComponent, type ComponentId } from '../../../src/shared/constants/components';

const graph = buildGraph(
  CATALOG_INDEX,
  resolveSelection(CATALOG_INDEX, [...defaultChoice(CATALOG_INDEX), 'librechat']),
);
const layout = layoutGraph(graph);

describe('graphToSvg', () => {
  it('is a well-formed SVG with every component named and an edge path per dependency', () => {
    const svg = graphToSvg(graph, layout, {
      title: 'acme <dependency> graph',
      nameOf: (id: ComponentId) => getComponent(id).name,
      subtitleOf: () => 'Family & tier',
      colorOf: () => '#123456',
    });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('svg');
    expect(doc.querySelector('title')?.textContent).toBe('acme <dependency> graph');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    for (const n of graph.nodes) expect(texts).toContain(getComponent(n.id).name);
    expect(doc.querySelectorAll('g[fill="none"] path')).toHaveLength(graph.edges.length);
  });
});

describe('nextNode', () => {
  const boxes = new Map([
    ['a', { x: 0, y: 0, width: 10, height: 10 }],
    ['b', { x: 0, y: 20, width: 10, height: 10 }],
    ['c', { x: 50, y: 18, width: 10, height: 10 }],
    ['d', { x: 50, y: 60, width: 10, height: 10 }],
  ]);
  it.each([
    ['a', 'ArrowDown', 'b'],
    ['b', 'ArrowUp', 'a'],
    ['a', 'ArrowUp', 'a'],
    ['b', 'ArrowRight', 'c'],
    ['d', 'ArrowLeft', 'b'],
    ['c', 'ArrowRight', 'c'],
  ] as const)('from %s, %s goes to %s', (from, key, to) => {
    expect(nextNode(boxes, from, key)).toBe(to);
  });
});

describe('edgePath', () => {
  it('runs straight where y stays and curves across a gap', () => {
    expect(
      edgePath([
        { x: 0, y: 0 },
        { x: 10, y: 20 },
        { x: 30, y: 20 },
      ]),
    ).toBe('M0,0 C5,0 5,20 10,20 L30,20');
  });
});
