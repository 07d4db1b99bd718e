// Why a component is (or is not) in the installed set, and the sentence the UI shows for it.
import { chainTo, lockedChain, type CatalogIndex } from './catalog-graph';
import type { ResolvedSelection } from './resolve-selection';
import { REASON_TEXT, whyKind } from '../constants/reasons';

/** The reason an id is installed; chains run from the root that pulls it in down to the id. */
export type WhyReason<Id extends string> =
  | { readonly kind: 'mandatory' }
  | { readonly kind: 'locked'; readonly chain: readonly Id[] }
  | { readonly kind: 'chosen' }
  | { readonly kind: 'dependency'; readonly chain: readonly Id[] }
  | { readonly kind: 'not-installed' };

/** Explains why `id` is installed, by WHY_PRECEDENCE (mandatory > locked > chosen > dependency), O(chain). */
export function explainWhy<Id extends string>(
  index: CatalogIndex<Id>,
  resolved: ResolvedSelection<Id>,
  id: Id,
): WhyReason<Id> {
  if (!resolved.installed.has(id)) return { kind: 'not-installed' };
  const kind = whyKind({
    mandatory: index.byId.get(id)?.tier === 'mandatory',
    locked: resolved.locked.has(id),
    chosen: resolved.chosen.has(id),
  });
  if (kind === 'locked') return { kind, chain: lockedChain(index, id) };
  if (kind === 'dependency') return { kind, chain: chainTo(resolved.via, id) };
  return { kind };
}

/** A one-line sentence for a reason, e.g. 'Required by LibreChat → vLLM'. */
export function formatWhy<Id extends string>(
  reason: WhyReason<Id>,
  nameOf: (id: Id) => string,
): string {
  const path = (chain: readonly Id[]) => chain.slice(0, -1).map(nameOf).join(' → ');
  return REASON_TEXT[reason.kind].sentence('chain' in reason ? path(reason.chain) : '');
}
