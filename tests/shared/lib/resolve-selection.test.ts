import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ComponentId } from '../../../src/shared/constants/components';
import { CATALOG_INDEX, indexCatalog } from '../../../src/shared/lib/catalog-graph';
import { defaultChoice, resolveSelection } from '../../../src/shared/lib/resolve-selection';
import { catalogWithChoice } from './random-catalog';

const MANDATORY = CATALOG_INDEX.mandatory;
const nonLocked = (installed: ReadonlySet<ComponentId>) =>
  [...installed].filter((id) => !CATALOG_INDEX.locked.has(id)).sort();

describe('resolveSelection on the real catalog', () => {
  it('installs exactly the mandatory closure when nothing is chosen', () => {
    const r = resolveSelection(CATALOG_INDEX, []);
    expect(MANDATORY).toHaveLength(26);
    for (const id of MANDATORY) expect(r.installed.has(id)).toBe(true);
    expect([...r.installed].sort()).toEqual([...CATALOG_INDEX.locked].sort());
    expect(r.locked.has('keycloak')).toBe(true);
    expect(r.locked.has('knative')).toBe(true);
    expect(r.installed.size).toBe(28);
    expect(r.chosen.size).toBe(0);
  });

  it.each([
    ['librechat', ['bge', 'ferretdb', 'librechat', 'llm-gateway', 'vllm']],
    ['grafana', ['grafana', 'loki', 'mimir', 'tempo']],
    ['debezium', ['debezium', 'strimzi']],
    ['livekit', ['livekit', 'stunner']],
    ['specter', ['bge', 'langfuse', 'milvus', 'specter', 'vllm']],
    ['keycloak', []],
  ] as const)('choosing %s installs %j beyond the locked set', (chosen, extra) => {
    expect(nonLocked(resolveSelection(CATALOG_INDEX, [chosen]).installed)).toEqual(extra);
  });

  it('records which installed components directly need each one', () => {
    const r = resolveSelection(CATALOG_INDEX, ['librechat', 'grafana']);
    expect(r.requiredBy.get('ferretdb')).toEqual(['librechat']);
    expect(r.requiredBy.get('loki')).toEqual(['grafana']);
    expect(r.requiredBy.get('librechat')).toEqual([]);
    expect(r.requiredBy.get('keycloak')).toEqual(
      expect.arrayContaining(['gitea', 'grafana', 'librechat', 'llm-gateway']),
    );
    expect(r.requiredBy.get('keycloak')).not.toContain('matrix');
    expect(r.requiredBy.has('matrix')).toBe(false);
  });

  it('ignores and reports unknown ids, once each', () => {
    const r = resolveSelection(CATALOG_INDEX, ['grafana', 'nope', 'grafana', 'nope', 'x']);
    expect(r.unknown).toEqual(['nope', 'x']);
    expect([...r.chosen]).toEqual(['grafana']);
    expect(new Set<string>(r.installed).has('nope')).toBe(false);
  });

  it('starts a fresh wizard with every recommended component', () => {
    const d = defaultChoice(CATALOG_INDEX);
    expect(d).toContain('grafana');
    expect(d).toContain('keycloak');
    expect(d).not.toContain('librechat');
    expect(d.every((id) => CATALOG_INDEX.byId.get(id)?.tier === 'recommended')).toBe(true);
  });
});

describe('resolveSelection properties on random DAG catalogs', () => {
  it('is closed under dependsOn and contains every mandatory and chosen id', () => {
    fc.assert(
      fc.property(catalogWithChoice(), ({ nodes, chosen }) => {
        const index = indexCatalog(nodes);
        const r = resolveSelection(index, chosen);
        for (const id of r.installed) {
          for (const d of index.byId.get(id)?.dependsOn ?? [])
            expect(r.installed.has(d)).toBe(true);
        }
        for (const id of index.mandatory) expect(r.installed.has(id)).toBe(true);
        for (const id of chosen) expect(r.installed.has(id) || r.unknown.includes(id)).toBe(true);
        for (const id of r.locked) expect(r.installed.has(id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is minimal: every installed id is locked, chosen or needed by another installed id', () => {
    fc.assert(
      fc.property(catalogWithChoice(), ({ nodes, chosen }) => {
        const r = resolveSelection(indexCatalog(nodes), chosen);
        for (const id of r.installed) {
          const needed = (r.requiredBy.get(id)?.length ?? 0) > 0;
          expect(r.locked.has(id) || r.chosen.has(id) || needed).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent: resolving the installed set again changes nothing', () => {
    fc.assert(
      fc.property(catalogWithChoice(), ({ nodes, chosen }) => {
        const index = indexCatalog(nodes);
        const once = resolveSelection(index, chosen);
        const twice = resolveSelection(index, once.installed);
        expect([...twice.installed]).toEqual([...once.installed]);
      }),
      { numRuns: 200 },
    );
  });

  it('is monotone: adding a choice never removes a component', () => {
    fc.assert(
      fc.property(
        catalogWithChoice().chain((c) =>
          fc.constantFrom(...c.nodes.map((n) => n.id)).map((extra) => ({ ...c, extra })),
        ),
        ({ nodes, chosen, extra }) => {
          const index = indexCatalog(nodes);
          const before = resolveSelection(index, chosen).installed;
          const after = resolveSelection(index, [...chosen, extra]).installed;
          for (const id of before) expect(after.has(id)).toBe(true);
          expect(after.has(extra)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('requiredBy lists exactly the installed direct dependents', () => {
    fc.assert(
      fc.property(catalogWithChoice(), ({ nodes, chosen }) => {
        const index = indexCatalog(nodes);
        const r = resolveSelection(index, chosen);
        for (const id of r.installed) {
          const expected = (index.dependents.get(id) ?? []).filter((d) => r.installed.has(d));
          expect(r.requiredBy.get(id)).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
