import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  matchesFilter,
  type CatalogFilter,
} from '../../../src/components/catalog/catalog-filter';
import { getComponent, type ComponentId } from '../../../src/shared/constants/components';

const installed = new Set<ComponentId>(['velero']);

describe('matchesFilter', () => {
  it.each<[ComponentId, Partial<CatalogFilter>, boolean]>([
    ['velero', {}, true],
    ['velero', { query: 'VEL' }, true],
    ['velero', { query: 'backup' }, true],
    ['llm-gateway', { query: 'llm-gate' }, true],
    ['velero', { query: 'ferret' }, false],
    ['velero', { tier: 'mandatory' }, true],
    ['velero', { tier: 'optional' }, false],
    ['librechat', { installedOnly: true }, false],
    ['velero', { installedOnly: true }, true],
  ])('%s with %o → %s', (id, patch, expected) => {
    expect(matchesFilter(getComponent(id), { ...EMPTY_FILTER, ...patch }, installed)).toBe(
      expected,
    );
  });
});
