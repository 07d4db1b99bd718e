// The installed set of a choice: what the user chose, every mandatory component, and the
// transitive dependencies of both.
import { bfsParents, type CatalogIndex } from './catalog-graph';

/** The closure of a choice over the catalog; every set iterates in declaration order. */
export interface ResolvedSelection<Id extends string> {
  readonly installed: ReadonlySet<Id>;
  /** The valid chosen ids. */
  readonly chosen: ReadonlySet<Id>;
  /** Mandatory ids plus everything they transitively depend on: cannot be removed. */
  readonly locked: ReadonlySet<Id>;
  /** For each installed id, the installed ids that list it in `dependsOn`. */
  readonly requiredBy: ReadonlyMap<Id, readonly Id[]>;
  /** For each id installed only as a dependency: its parent on a shortest chain from a chosen id. */
  readonly via: ReadonlyMap<Id, Id>;
  /** Chosen ids the catalog does not know, in input order, without repeats. */
  readonly unknown: readonly string[];
}

function isKnown<Id extends string>(index: CatalogIndex<Id>, id: string): id is Id {
  return index.position.has(id as Id);
}

/** Splits raw ids into the valid ones (input order, no repeats) and the unknown ones. */
export function partitionIds<Id extends string>(
  index: CatalogIndex<Id>,
  raw: Iterable<string>,
): { valid: Id[]; unknown: string[] } {
  const valid = new Set<Id>();
  const unknown = new Set<string>();
  for (const id of raw) {
    if (isKnown(index, id)) valid.add(id);
    else unknown.add(id);
  }
  return { valid: [...valid], unknown: [...unknown] };
}

/** The ids a fresh wizard starts with chosen: every recommended component. */
export function defaultChoice<Id extends string>(index: CatalogIndex<Id>): Id[] {
  return index.ids.filter((id) => index.byId.get(id)?.tier === 'recommended');
}

/** Resolves a choice into the installed set (chosen + mandatory + their dependencies), O(V+E). */
export function resolveSelection<Id extends string>(
  index: CatalogIndex<Id>,
  chosen: Iterable<string>,
): ResolvedSelection<Id> {
  const { valid, unknown } = partitionIds(index, chosen);
  const reached = new Set<Id>(index.locked);
  const via = bfsParents(index, valid, reached);
  const installed = new Set(index.ids.filter((id) => reached.has(id)));
  const requiredBy = new Map<Id, Id[]>();
  for (const id of installed) requiredBy.set(id, []);
  for (const id of installed) {
    for (const dep of index.byId.get(id)?.dependsOn ?? []) requiredBy.get(dep)?.push(id);
  }
  const validSet = new Set(valid);
  const chosenSet = new Set(index.ids.filter((id) => validSet.has(id)));
  return { installed, chosen: chosenSet, locked: index.locked, requiredBy, via, unknown };
}
