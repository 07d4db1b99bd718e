// Which cards the toolbar leaves visible: a text query over name, role and id, a tier, and
// optionally only the installed components. Pure.
import type { Tier } from '../../shared/constants/catalog-types';
import type { Component, ComponentId } from '../../shared/constants/components';

export type TierFilter = Tier | 'all';

export interface CatalogFilter {
  readonly query: string;
  readonly tier: TierFilter;
  readonly installedOnly: boolean;
}

export const EMPTY_FILTER: CatalogFilter = { query: '', tier: 'all', installedOnly: false };

/** True when a component passes the filter; the query matches name, role or id, case-insensitively. */
export function matchesFilter(
  component: Component,
  filter: CatalogFilter,
  installed: ReadonlySet<ComponentId>,
): boolean {
  if (filter.tier !== 'all' && component.tier !== filter.tier) return false;
  if (filter.installedOnly && !installed.has(component.id)) return false;
  const q = filter.query.trim().toLowerCase();
  if (!q) return true;
  return [component.name, component.role, component.id].some((s) => s.toLowerCase().includes(q));
}
