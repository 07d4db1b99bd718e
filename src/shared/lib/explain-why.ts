// Why a component is (or is not) in the installed set, and the sentence the UI shows for it.
import { chainTo, lockedChain, type CatalogIndex } from './catalog-graph';
import type { ResolvedSelection } from './resolve-selection';

/** The reason an id is installed; chains run from the root that pulls it in down to the id. */
export type WhyReason<Id extends string> =
  | { readonly kind: 'mandatory' }
  | { readonly kind: 'locked'; readonly chain: readonly Id[] }
  | { readonly kind: 'chosen' }
  | { readonly kind: 'dependency'; readonly chain: readonly Id[] }
  | { readonly kind: 'not-installed' };

/** Explains why `id` is installed; precedence mandatory > locked > chosen > dependency, O(chain). */
export function explainWhy<Id extends string>(
  index: CatalogIndex<Id>,
  resolved: ResolvedSelection<Id>,
  id: Id,
): WhyReason<Id> {
  if (!resolved.installed.has(id)) return { kind: 'not-installed' };
  if (index.byId.get(id)?.tier === 'mandatory') return { kind: 'mandatory' };
  if (resolved.locked.has(id)) return { kind: 'locked', chain: lockedChain(index, id) };
  if (resolved.chosen.has(id)) return { kind: 'chosen' };
  return { kind: 'dependency', chain: chainTo(resolved.via, id) };
}

/** A one-line sentence for a reason, e.g. 'Required by LibreChat → vLLM'. */
export function formatWhy<Id extends string>(
  reason: WhyReason<Id>,
  nameOf: (id: Id) => string,
): string {
  const path = (chain: readonly Id[]) => chain.slice(0, -1).map(nameOf).join(' → ');
  switch (reason.kind) {
    case 'mandatory':
      return 'Mandatory';
    case 'locked':
      return `Locked: required by mandatory ${path(reason.chain)}`;
    case 'chosen':
      return 'Chosen by you';
    case 'dependency':
      return `Required by ${path(reason.chain)}`;
    case 'not-installed':
      return 'Not installed';
  }
}
