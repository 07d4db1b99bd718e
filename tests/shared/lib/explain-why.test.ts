import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getComponent, type ComponentId } from '../../../src/shared/constants/components';
import { CATALOG_INDEX, indexCatalog } from '../../../src/shared/lib/catalog-graph';
import { explainWhy, formatWhy, type WhyReason } from '../../../src/shared/lib/explain-why';
import { resolveSelection } from '../../../src/shared/lib/resolve-selection';
import { catalogChoiceAndId } from './random-catalog';

const nameOf = (id: ComponentId) => getComponent(id).name;

describe('explainWhy on the real catalog', () => {
  const resolved = resolveSelection(CATALOG_INDEX, ['librechat', 'grafana', 'keycloak']);

  it.each<[ComponentId, WhyReason<ComponentId>]>([
    ['gitea', { kind: 'mandatory' }],
    ['kserve', { kind: 'mandatory' }],
    ['keycloak', { kind: 'locked', chain: ['gitea', 'keycloak'] }],
    ['knative', { kind: 'locked', chain: ['kserve', 'knative'] }],
    ['librechat', { kind: 'chosen' }],
    ['grafana', { kind: 'chosen' }],
    ['bge', { kind: 'dependency', chain: ['librechat', 'bge'] }],
    ['ferretdb', { kind: 'dependency', chain: ['librechat', 'ferretdb'] }],
    ['llm-gateway', { kind: 'dependency', chain: ['librechat', 'llm-gateway'] }],
    ['vllm', { kind: 'dependency', chain: ['librechat', 'vllm'] }],
    ['loki', { kind: 'dependency', chain: ['grafana', 'loki'] }],
    ['matrix', { kind: 'not-installed' }],
  ])('explains %s', (id, expected) => {
    expect(explainWhy(CATALOG_INDEX, resolved, id)).toEqual(expected);
  });

  it.each<[ComponentId, string]>([
    ['gitea', 'Mandatory'],
    ['keycloak', 'Locked: required by mandatory Gitea'],
    ['librechat', 'Chosen by you'],
    ['ferretdb', `Required by ${getComponent('librechat').name}`],
    ['matrix', 'Not installed'],
  ])('phrases the reason for %s', (id, sentence) => {
    expect(formatWhy(explainWhy(CATALOG_INDEX, resolved, id), nameOf)).toBe(sentence);
  });

  it('joins longer chains with arrows, leaving out the explained component', () => {
    expect(formatWhy({ kind: 'dependency', chain: ['librechat', 'vllm', 'kserve'] }, nameOf)).toBe(
      `Required by ${getComponent('librechat').name} → ${getComponent('vllm').name}`,
    );
    expect(formatWhy({ kind: 'locked', chain: ['kserve', 'knative', 'cilium'] }, nameOf)).toBe(
      `Locked: required by mandatory ${getComponent('kserve').name} → ${getComponent('knative').name}`,
    );
  });
});

describe('explainWhy on hand-made catalogs', () => {
  // app -> mid -> leaf and app -> leaf: the shortest chain to leaf skips mid.
  const index = indexCatalog([
    { id: 'leaf', tier: 'optional', dependsOn: [] },
    { id: 'deep', tier: 'optional', dependsOn: [] },
    { id: 'mid', tier: 'optional', dependsOn: ['leaf', 'deep'] },
    { id: 'app', tier: 'optional', dependsOn: ['mid', 'leaf'] },
    { id: 'other', tier: 'optional', dependsOn: ['mid'] },
  ]);

  it.each([
    [['app'], 'leaf', ['app', 'leaf']],
    [['app'], 'deep', ['app', 'mid', 'deep']],
    [['other'], 'deep', ['other', 'mid', 'deep']],
    [['app', 'mid'], 'deep', ['mid', 'deep']],
  ])('with %j chosen, %s comes through %j', (chosen, id, chain) => {
    expect(explainWhy(index, resolveSelection(index, chosen), id)).toEqual({
      kind: 'dependency',
      chain,
    });
  });
});

describe('explainWhy properties on random DAG catalogs', () => {
  it('agrees with the resolved sets and every chain follows real dependsOn edges', () => {
    fc.assert(
      fc.property(catalogChoiceAndId(), ({ nodes, chosen, id }) => {
        const index = indexCatalog(nodes);
        const r = resolveSelection(index, chosen);
        const why = explainWhy(index, r, id);
        expect(why.kind === 'not-installed').toBe(!r.installed.has(id));
        const mandatory = index.byId.get(id)?.tier === 'mandatory';
        expect(why.kind === 'mandatory').toBe(mandatory);
        expect(why.kind === 'locked').toBe(r.locked.has(id) && !mandatory);
        expect(why.kind === 'chosen').toBe(r.chosen.has(id) && !r.locked.has(id));
        if (why.kind !== 'locked' && why.kind !== 'dependency') return;
        const [root] = why.chain;
        expect(why.chain.at(-1)).toBe(id);
        if (why.kind === 'locked') expect(index.byId.get(root as string)?.tier).toBe('mandatory');
        else expect(r.chosen.has(root as string)).toBe(true);
        for (let i = 1; i < why.chain.length; i++) {
          const parent = index.byId.get(why.chain[i - 1] as string);
          expect(parent?.dependsOn).toContain(why.chain[i]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
