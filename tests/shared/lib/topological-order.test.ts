import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CATALOG_INDEX,
  dependentsOf,
  indexCatalog,
  type CatalogIndex,
  type CatalogNode,
} from '../../../src/shared/lib/catalog-graph';
import { resolveSelection } from '../../../src/shared/lib/resolve-selection';
import { topologicalOrder } from '../../../src/shared/lib/topological-order';
import { catalogWithChoice, randomCatalog } from './random-catalog';

const node = (id: string, dependsOn: string[] = []) => ({
  id,
  tier: 'optional' as const,
  dependsOn,
});

/** Asserts `order` is a permutation of `ids` with every in-set dependency first. */
function expectValidOrder<Id extends string>(
  index: CatalogIndex<Id>,
  ids: ReadonlySet<Id>,
  order: Id[],
) {
  expect([...order].sort()).toEqual([...ids].sort());
  const at = new Map(order.map((id, i) => [id, i]));
  for (const id of order) {
    for (const d of index.byId.get(id)?.dependsOn ?? []) {
      if (ids.has(d)) expect(at.get(d)).toBeLessThan(at.get(id) as number);
    }
  }
}

describe('topologicalOrder on the real catalog', () => {
  it('orders the whole catalog (it has no cycle) with every dependency first', () => {
    const result = topologicalOrder(CATALOG_INDEX, CATALOG_INDEX.ids);
    if (!result.ok) throw new Error(`real catalog has a cycle: ${result.cycle.join(' -> ')}`);
    expectValidOrder(CATALOG_INDEX, new Set(CATALOG_INDEX.ids), result.order);
    expect(result.order.indexOf('cilium')).toBeLessThan(result.order.indexOf('cert-manager'));
    expect(result.order.indexOf('cert-manager')).toBeLessThan(result.order.indexOf('flux'));
    expect(result.ranks.get('cilium')).toBe(0);
    expect(result.ranks.get('cert-manager')).toBe(1);
    expect(result.ranks.get('flux')).toBe(2);
  });

  it('is deterministic and breaks ties by declaration order', () => {
    const a = topologicalOrder(CATALOG_INDEX, CATALOG_INDEX.ids);
    const b = topologicalOrder(CATALOG_INDEX, [...CATALOG_INDEX.ids].reverse());
    expect(a).toEqual(b);
    if (!a.ok) return;
    const roots = a.order.filter((id) => a.ranks.get(id) === 0).slice(0, 3);
    expect(roots).toEqual(['opentofu', 'vcluster', 'cilium']);
  });

  it('orders a subset using only the edges inside it', () => {
    const installed = resolveSelection(CATALOG_INDEX, ['librechat']).installed;
    const result = topologicalOrder(CATALOG_INDEX, installed);
    if (!result.ok) throw new Error('unexpected cycle');
    expectValidOrder(CATALOG_INDEX, installed, result.order);
    expect(result.order.at(-1)).toBe('librechat');
    const sub = topologicalOrder(CATALOG_INDEX, ['librechat', 'ferretdb']);
    expect(sub).toEqual({
      ok: true,
      order: ['ferretdb', 'librechat'],
      ranks: new Map([
        ['ferretdb', 0],
        ['librechat', 1],
      ]),
    });
  });
});

describe('topologicalOrder on hand-made catalogs', () => {
  it.each([
    ['a three-cycle', [node('a', ['b']), node('b', ['c']), node('c', ['a'])], ['a', 'b', 'c', 'a']],
    ['a self-loop', [node('x'), node('a', ['a'])], ['a', 'a']],
    [
      'a cycle behind an acyclic prefix',
      [node('root'), node('p', ['root', 'q']), node('q', ['r']), node('r', ['q'])],
      ['q', 'r', 'q'],
    ],
  ])('reports %s as a path', (_label, nodes, cycle) => {
    const index = indexCatalog(nodes);
    expect(topologicalOrder(index, index.ids)).toEqual({ ok: false, cycle });
  });

  it('uses longest-path ranks, not shortest', () => {
    const index = indexCatalog([
      node('a'),
      node('b', ['a']),
      node('c', ['b']),
      node('d', ['a', 'c']),
    ]);
    const result = topologicalOrder(index, index.ids);
    expect(result.ok && [...result.ranks]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ]);
  });

  it('ignores unknown and repeated ids', () => {
    const index = indexCatalog([node('a'), node('b', ['a'])]);
    const result = topologicalOrder(index, ['b', 'zz' as 'a', 'b', 'a']);
    expect(result.ok && result.order).toEqual(['a', 'b']);
  });
});

describe('topologicalOrder properties on random DAG catalogs', () => {
  it('returns a valid order of any subset, with ranks one above the highest dependency', () => {
    fc.assert(
      fc.property(catalogWithChoice(), ({ nodes, chosen }) => {
        const index = indexCatalog(nodes);
        const ids = new Set(chosen.filter((id) => index.byId.has(id)));
        const result = topologicalOrder(index, ids);
        if (!result.ok) throw new Error(`cycle in a DAG: ${result.cycle.join(',')}`);
        expectValidOrder(index, ids, result.order);
        for (const id of ids) {
          const deps = (index.byId.get(id)?.dependsOn ?? []).filter((d) => ids.has(d));
          const expected = Math.max(-1, ...deps.map((d) => result.ranks.get(d) ?? NaN)) + 1;
          expect(result.ranks.get(id)).toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reports a cycle exactly when an added edge closes one, as a path of real edges', () => {
    fc.assert(
      fc.property(randomCatalog(), fc.nat(), fc.nat(), (nodes, i, j) => {
        // Add from -> to; it closes a loop iff `to` already reaches `from` (or they are equal).
        const from = nodes[i % nodes.length] as CatalogNode;
        const to = nodes[j % nodes.length] as CatalogNode;
        if (from.dependsOn.includes(to.id)) return;
        const closes =
          from.id === to.id || dependentsOf(indexCatalog(nodes), from.id).includes(to.id);
        const cyclic = nodes.map((n) =>
          n === from ? { ...n, dependsOn: [...n.dependsOn, to.id] } : n,
        );
        const index = indexCatalog(cyclic);
        const result = topologicalOrder(index, index.ids);
        expect(result.ok).toBe(!closes);
        if (result.ok) return expectValidOrder(index, new Set(index.ids), result.order);
        expect(result.cycle[0]).toBe(result.cycle.at(-1));
        expect(new Set(result.cycle).size).toBe(result.cycle.length - 1);
        for (let k = 1; k < result.cycle.length; k++) {
          expect(index.byId.get(result.cycle[k - 1] as string)?.dependsOn).toContain(
            result.cycle[k],
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});
