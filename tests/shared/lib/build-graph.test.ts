import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGraph, chainOf } from '../../../src/shared/lib/build-graph';
import { CATALOG_INDEX, indexCatalog } from '../../../src/shared/lib/catalog-graph';
import { defaultChoice, resolveSelection } from '../../../src/shared/lib/resolve-selection';
import { catalogWithChoice } from './random-catalog';

const tiny = indexCatalog([
  { id: 'base', tier: 'optional', dependsOn: [] },
  { id: 'db', tier: 'optional', dependsOn: ['base'] },
  { id: 'app', tier: 'optional', dependsOn: ['db', 'base'] },
  { id: 'other', tier: 'optional', dependsOn: [] },
] as const);

describe('buildGraph', () => {
  it('shows the installed set with an edge from each dependency to its dependent', () => {
    const graph = buildGraph(tiny, resolveSelection(tiny, ['app']));
    expect(graph.nodes.map((n) => [n.id, n.rank, n.reason])).toEqual([
      ['base', 0, 'dependency'],
      ['db', 1, 'dependency'],
      ['app', 2, 'chosen'],
    ]);
    expect(graph.edges.map((e) => e.id).sort()).toEqual(['base->app', 'base->db', 'db->app']);
  });

  it('with showAll shows every component and marks the others not installed', () => {
    const graph = buildGraph(tiny, resolveSelection(tiny, ['db']), { showAll: true });
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(graph.nodes).toHaveLength(4);
    expect(byId.get('app')).toMatchObject({ installed: false, reason: 'not-installed', rank: 2 });
    expect(byId.get('db')).toMatchObject({ installed: true, reason: 'chosen' });
    expect(graph.edges.find((e) => e.id === 'db->app')?.installed).toBe(false);
    expect(graph.edges.find((e) => e.id === 'base->db')?.installed).toBe(true);
  });

  it('carries family and tier from the real catalog and ranks cilium before cert-manager', () => {
    const graph = buildGraph(
      CATALOG_INDEX,
      resolveSelection(CATALOG_INDEX, defaultChoice(CATALOG_INDEX)),
    );
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('flux')).toMatchObject({
      family: 'pilot',
      tier: 'mandatory',
      reason: 'mandatory',
    });
    expect(byId.get('cilium')?.rank ?? 99).toBeLessThan(byId.get('cert-manager')?.rank ?? -1);
  });

  it('holds for random catalogs: node set, edges forward in rank, one edge per shown dependency', () => {
    fc.assert(
      fc.property(catalogWithChoice(25), fc.boolean(), ({ nodes, chosen }, showAll) => {
        const index = indexCatalog(nodes);
        const resolved = resolveSelection(index, chosen);
        const graph = buildGraph(index, resolved, { showAll });
        const expected = showAll ? index.ids : [...resolved.installed];
        expect(graph.nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
        const rank = new Map(graph.nodes.map((n) => [n.id, n.rank]));
        for (const e of graph.edges)
          expect(rank.get(e.source)).toBeLessThan(rank.get(e.target) as number);
        const shown = new Set(expected);
        const deps = nodes.flatMap((n) =>
          shown.has(n.id) ? n.dependsOn.filter((d) => shown.has(d)) : [],
        );
        expect(graph.edges).toHaveLength(deps.length);
      }),
    );
  });
});

describe('chainOf', () => {
  it('returns the node with everything upstream and downstream of it, not its siblings', () => {
    const graph = buildGraph(tiny, resolveSelection(tiny, ['app', 'other']));
    expect([...chainOf(graph, 'db')].sort()).toEqual(['app', 'base', 'db']);
    expect([...chainOf(graph, 'other')]).toEqual(['other']);
  });
});
