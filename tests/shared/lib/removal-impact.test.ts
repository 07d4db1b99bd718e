import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ComponentId } from '../../../src/shared/constants/components';
import { CATALOG_INDEX, indexCatalog } from '../../../src/shared/lib/catalog-graph';
import { addImpact, removalImpact } from '../../../src/shared/lib/removal-impact';
import { defaultChoice, resolveSelection } from '../../../src/shared/lib/resolve-selection';
import { catalogChoiceAndId } from './random-catalog';

const DEFAULTS = defaultChoice(CATALOG_INDEX);

describe('removalImpact on the real catalog', () => {
  it.each<[ComponentId[], ComponentId, ComponentId[], ComponentId[], ComponentId[]]>([
    // chosen, remove, removed, dependents, nextChosen
    [
      ['librechat'],
      'ferretdb',
      ['bge', 'ferretdb', 'librechat', 'llm-gateway', 'vllm'],
      ['librechat'],
      [],
    ],
    [['librechat'], 'librechat', ['bge', 'ferretdb', 'librechat', 'llm-gateway', 'vllm'], [], []],
    [
      ['librechat', 'specter'],
      'librechat',
      ['ferretdb', 'librechat', 'llm-gateway'],
      [],
      ['specter'],
    ],
    [
      ['librechat', 'specter'],
      'vllm',
      ['bge', 'ferretdb', 'langfuse', 'librechat', 'llm-gateway', 'milvus', 'specter', 'vllm'],
      ['librechat', 'specter'],
      [],
    ],
    [['grafana'], 'loki', ['grafana', 'loki', 'mimir', 'tempo'], ['grafana'], []],
    [
      ['grafana', 'loki', 'mimir', 'tempo'],
      'loki',
      ['grafana', 'loki'],
      ['grafana'],
      ['mimir', 'tempo'],
    ],
    [['debezium', 'grafana'], 'strimzi', ['debezium', 'strimzi'], ['debezium'], ['grafana']],
    [['grafana'], 'matrix', [], [], ['grafana']],
  ])('with %j chosen, removing %s removes %j', (chosen, id, removed, dependents, nextChosen) => {
    expect(removalImpact(CATALOG_INDEX, chosen, id)).toEqual({
      allowed: true,
      removed,
      dependents,
      nextChosen,
    });
  });

  it('drops grafana with loki from the default choice, keeping the rest in order', () => {
    const impact = removalImpact(CATALOG_INDEX, DEFAULTS, 'loki');
    expect(impact).toMatchObject({
      allowed: true,
      removed: ['grafana', 'loki'],
      dependents: ['grafana'],
    });
    if (!impact.allowed) return;
    expect(impact.nextChosen).toEqual(DEFAULTS.filter((id) => id !== 'loki' && id !== 'grafana'));
  });

  it.each<ComponentId>(['gitea', 'flux', 'cilium', 'kserve'])(
    'refuses to remove mandatory %s',
    (id) => {
      expect(removalImpact(CATALOG_INDEX, DEFAULTS, id)).toEqual({
        allowed: false,
        reason: 'mandatory',
      });
    },
  );

  it.each<[ComponentId, ComponentId[]]>([
    ['keycloak', ['gitea', 'keycloak']],
    ['knative', ['kserve', 'knative']],
  ])('refuses to remove locked %s and says which mandatory needs it', (id, chain) => {
    expect(removalImpact(CATALOG_INDEX, DEFAULTS, id)).toEqual({
      allowed: false,
      reason: 'locked',
      chain,
    });
  });
});

describe('addImpact on the real catalog', () => {
  it.each<[ComponentId[], ComponentId, ComponentId[]]>([
    [[], 'librechat', ['bge', 'ferretdb', 'librechat', 'llm-gateway', 'vllm']],
    [['specter'], 'librechat', ['ferretdb', 'librechat', 'llm-gateway']],
    [['grafana'], 'loki', []],
    [[], 'keycloak', []],
  ])('with %j chosen, adding %s brings %j', (chosen, id, added) => {
    const impact = addImpact(CATALOG_INDEX, chosen, id);
    expect(impact.added).toEqual(added);
    expect(impact.nextChosen).toEqual([...chosen, id]);
  });

  it('does not repeat an id that is already chosen', () => {
    expect(addImpact(CATALOG_INDEX, ['grafana'], 'grafana')).toEqual({
      nextChosen: ['grafana'],
      added: [],
    });
  });
});

describe('removal and add properties on random DAG catalogs', () => {
  it('after an allowed removal the id is gone and nothing else needed is lost', () => {
    fc.assert(
      fc.property(catalogChoiceAndId(), ({ nodes, chosen, id }) => {
        const index = indexCatalog(nodes);
        const impact = removalImpact(index, chosen, id);
        const wasLocked = index.locked.has(id);
        expect(impact.allowed).toBe(!wasLocked);
        if (!impact.allowed) return;
        const before = resolveSelection(index, chosen).installed;
        const after = resolveSelection(index, impact.nextChosen).installed;
        expect(after.has(id)).toBe(false);
        expect(impact.removed).toEqual([...before].filter((x) => !after.has(x)).sort());
        expect(impact.removed.includes(id)).toBe(before.has(id));
        for (const x of after) expect(before.has(x)).toBe(true);
        for (const c of impact.dependents) expect(impact.nextChosen).not.toContain(c);
        const kept = new Set(impact.nextChosen);
        const valid = chosen.filter((c) => index.byId.has(c));
        for (const c of valid)
          expect(kept.has(c) || c === id || impact.dependents.includes(c)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('adding then removing a non-locked id restores the installed set', () => {
    fc.assert(
      fc.property(catalogChoiceAndId(), ({ nodes, chosen, id }) => {
        const index = indexCatalog(nodes);
        const before = resolveSelection(index, chosen).installed;
        const add = addImpact(index, chosen, id);
        const afterAdd = resolveSelection(index, add.nextChosen).installed;
        expect(afterAdd.has(id)).toBe(true);
        expect(add.added).toEqual([...afterAdd].filter((x) => !before.has(x)).sort());
        if (index.locked.has(id) || chosen.includes(id)) return;
        const removal = removalImpact(index, add.nextChosen, id);
        if (!removal.allowed) throw new Error('removal of a non-locked id was refused');
        const afterRemove = resolveSelection(index, removal.nextChosen).installed;
        for (const x of afterRemove) expect(before.has(x)).toBe(true);
        expect(afterRemove.has(id)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
