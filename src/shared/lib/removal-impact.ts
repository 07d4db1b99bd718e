// What removing or adding one component does to the installed set, before the user commits.
import { dependentsOf, lockedChain, type CatalogIndex } from './catalog-graph';
import { partitionIds, resolveSelection } from './resolve-selection';

/** The outcome of removing a component: refused, or the next choice and what leaves. */
export type RemovalImpact<Id extends string> =
  | { readonly allowed: false; readonly reason: 'mandatory' }
  | { readonly allowed: false; readonly reason: 'locked'; readonly chain: readonly Id[] }
  | {
      readonly allowed: true;
      /** The choice after removal, in input order. */
      readonly nextChosen: Id[];
      /** Every id that leaves the installed set, sorted by id. */
      readonly removed: Id[];
      /** Chosen ids dropped because they transitively need the removed id, sorted by id. */
      readonly dependents: Id[];
    };

/** The outcome of adding a component: the next choice and what joins the installed set. */
export interface AddImpact<Id extends string> {
  readonly nextChosen: Id[];
  /** Every id that joins the installed set, sorted by id (empty if `id` was installed). */
  readonly added: Id[];
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function difference<Id extends string>(a: ReadonlySet<Id>, b: ReadonlySet<Id>): Id[] {
  return [...a].filter((id) => !b.has(id)).sort(byCodeUnit);
}

/** What removing `id` does: refused for mandatory/locked ids, else drops the chosen ids that need it. */
export function removalImpact<Id extends string>(
  index: CatalogIndex<Id>,
  chosen: Iterable<string>,
  id: Id,
): RemovalImpact<Id> {
  if (index.byId.get(id)?.tier === 'mandatory') return { allowed: false, reason: 'mandatory' };
  if (index.locked.has(id))
    return { allowed: false, reason: 'locked', chain: lockedChain(index, id) };
  const { valid } = partitionIds(index, chosen);
  const needing = new Set(index.position.has(id) ? dependentsOf(index, id) : []);
  const dependents = valid.filter((c) => needing.has(c)).sort(byCodeUnit);
  const nextChosen = valid.filter((c) => c !== id && !needing.has(c));
  const before = resolveSelection(index, valid).installed;
  const after = resolveSelection(index, nextChosen).installed;
  return { allowed: true, nextChosen, removed: difference(before, after), dependents };
}

/** What adding `id` to the choice does: the next choice and the ids it brings in. */
export function addImpact<Id extends string>(
  index: CatalogIndex<Id>,
  chosen: Iterable<string>,
  id: Id,
): AddImpact<Id> {
  const { valid } = partitionIds(index, chosen);
  const nextChosen = valid.includes(id) || !index.position.has(id) ? valid : [...valid, id];
  const before = resolveSelection(index, valid).installed;
  const after = resolveSelection(index, nextChosen).installed;
  return { nextChosen, added: difference(after, before) };
}
