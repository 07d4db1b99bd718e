import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMPONENTS } from '../../../src/shared/constants/components';
import {
  CATALOG_INDEX,
  dependentsOf,
  indexCatalog,
  lockedChain,
  type CatalogNode,
} from '../../../src/shared/lib/catalog-graph';
import { randomCatalog } from './random-catalog';

const node = (id: string, dependsOn: string[] = [], tier: CatalogNode['tier'] = 'optional') => ({
  id,
  tier,
  dependsOn,
});

describe('indexCatalog on the real catalog', () => {
  it('keeps every id in declaration order with its position', () => {
    expect(CATALOG_INDEX.ids).toEqual(COMPONENTS.map((c) => c.id));
    expect(CATALOG_INDEX.ids).toHaveLength(67);
    expect(CATALOG_INDEX.position.get('flux')).toBe(0);
    expect(CATALOG_INDEX.byId.get('grafana')?.dependsOn).toEqual(
      expect.arrayContaining(['loki', 'mimir', 'tempo']),
    );
  });

  it.each([
    [
      'keycloak',
      ['gitea', 'grafana', 'guacamole', 'langfuse', 'librechat', 'matrix', 'llm-gateway'],
    ],
    ['ferretdb', ['librechat']],
    ['knative', ['kserve']],
    ['librechat', []],
  ] as const)('lists the direct dependents of %s', (id, expected) => {
    expect([...(CATALOG_INDEX.dependents.get(id) ?? [])].sort()).toEqual([...expected].sort());
  });

  it('locks keycloak and knative, which mandatory gitea and kserve need, and nothing optional else', () => {
    const lockedNonMandatory = [...CATALOG_INDEX.locked].filter(
      (id) => CATALOG_INDEX.byId.get(id)?.tier !== 'mandatory',
    );
    expect(lockedNonMandatory.sort()).toEqual(['keycloak', 'knative']);
    expect(lockedChain(CATALOG_INDEX, 'keycloak')).toEqual(['gitea', 'keycloak']);
    expect(lockedChain(CATALOG_INDEX, 'knative')).toEqual(['kserve', 'knative']);
    expect(lockedChain(CATALOG_INDEX, 'gitea')).toEqual(['gitea']);
  });

  it('finds transitive dependents', () => {
    expect(dependentsOf(CATALOG_INDEX, 'ferretdb')).toEqual(['librechat']);
    const ofKserve = dependentsOf(CATALOG_INDEX, 'kserve');
    expect(ofKserve).toEqual(expect.arrayContaining(['vllm', 'librechat', 'specter']));
    expect(ofKserve).not.toContain('kserve');
  });
});

describe('indexCatalog validation', () => {
  it.each([
    ['a duplicate id', [node('a'), node('a')], /duplicate component id: a/],
    ['an unknown dependency', [node('a', ['zz'])], /a depends on unknown component zz/],
    ['a repeated dependency', [node('b'), node('a', ['b', 'b'])], /a lists b twice/],
  ])('throws on %s', (_label, nodes, message) => {
    expect(() => indexCatalog(nodes)).toThrow(message);
  });

  it('accepts cycles (topologicalOrder reports them)', () => {
    const index = indexCatalog([node('a', ['b']), node('b', ['a'])]);
    expect(index.dependents.get('a')).toEqual(['b']);
    expect(dependentsOf(index, 'a')).toEqual(['b']);
  });

  it('reverse edges mirror forward edges on random catalogs', () => {
    fc.assert(
      fc.property(randomCatalog(), (nodes) => {
        const index = indexCatalog(nodes);
        for (const n of nodes) {
          for (const d of n.dependsOn) expect(index.dependents.get(d)).toContain(n.id);
        }
        const edgeCount = nodes.reduce((sum, n) => sum + n.dependsOn.length, 0);
        const reverseCount = [...index.dependents.values()].reduce((s, l) => s + l.length, 0);
        expect(reverseCount).toBe(edgeCount);
      }),
      { numRuns: 200 },
    );
  });
});
