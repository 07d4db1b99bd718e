// The per-card view model: for every component, whether it is installed, whether it can be
// toggled, and the one-line reason the card shows. Pure; computed once per selection change.
import { COMPONENTS, getComponent, type ComponentId } from '../../shared/constants/components';
import type { CatalogIndex } from '../../shared/lib/catalog-graph';
import type { Component } from '../../shared/constants/components';
import { explainWhy, formatWhy, type WhyReason } from '../../shared/lib/explain-why';
import type { ResolvedSelection } from '../../shared/lib/resolve-selection';
import { ON_BY_DEFAULT_TEXT, REASON_CARD_TEXT } from '../../shared/constants/reasons';

export type StatusKind = WhyReason<ComponentId>['kind'];

/** What one card shows about its component's place in the selection. */
export interface ComponentStatus {
  readonly kind: StatusKind;
  readonly installed: boolean;
  /** Mandatory or locked: the toggle is disabled. */
  readonly fixed: boolean;
  /** The reason sentence, e.g. 'Required by LibreChat'. */
  readonly text: string;
}

/** The display name of a component id. */
export const nameOf = (id: ComponentId): string => getComponent(id).name;

/**
 * Whether a component in the chosen list is there as a recommended default rather than the
 * user's own pick: the recommended tier is on by default, so "chosen by you" would not be true.
 */
export const isRecommendedDefault = (id: ComponentId): boolean =>
  getComponent(id).tier === 'recommended';

/** How a chosen component is labelled: 'Recommended' (on by default) or 'Chosen' (by you). */
export const chosenLabel = (id: ComponentId): 'Recommended' | 'Chosen' =>
  isRecommendedDefault(id) ? 'Recommended' : 'Chosen';

/** The reason sentence a card shows for a why-reason (of `id` when given). */
export function statusText(reason: WhyReason<ComponentId>, id?: ComponentId): string {
  if (reason.kind === 'mandatory') return REASON_CARD_TEXT.mandatory;
  if (reason.kind === 'chosen')
    return id && isRecommendedDefault(id) ? ON_BY_DEFAULT_TEXT.card : REASON_CARD_TEXT.chosen;
  return formatWhy(reason, nameOf);
}

/** The status of every catalog component under a resolved selection. */
export function componentStatuses(
  index: CatalogIndex<ComponentId, Component>,
  resolved: ResolvedSelection<ComponentId>,
): ReadonlyMap<ComponentId, ComponentStatus> {
  const out = new Map<ComponentId, ComponentStatus>();
  for (const c of COMPONENTS) {
    const reason = explainWhy(index, resolved, c.id);
    out.set(c.id, {
      kind: reason.kind,
      installed: reason.kind !== 'not-installed',
      fixed: reason.kind === 'mandatory' || reason.kind === 'locked',
      text: statusText(reason, c.id),
    });
  }
  return out;
}

/** Lists names as 'A', 'A and B' or 'A, B and C'. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
