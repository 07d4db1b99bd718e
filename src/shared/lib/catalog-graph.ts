// The catalog as a graph: forward edges (dependsOn), reverse edges (dependents) and the
// locked set (mandatory components and everything they need), built once per catalog.
import type { Tier } from '../constants/catalog-types';
import { COMPONENTS, type Component, type ComponentId } from '../constants/components';

/** The part of a catalog entry the graph functions read. */
export interface CatalogNode<Id extends string = string> {
  readonly id: Id;
  readonly tier: Tier;
  readonly dependsOn: readonly Id[];
}

/** A catalog indexed for O(V+E) graph queries; build it once with `indexCatalog`. */
export interface CatalogIndex<
  Id extends string = string,
  N extends CatalogNode<Id> = CatalogNode<Id>,
> {
  /** Every id, in declaration order. */
  readonly ids: readonly Id[];
  readonly byId: ReadonlyMap<Id, N>;
  /** For each id, the ids that list it in `dependsOn` (declaration order). */
  readonly dependents: ReadonlyMap<Id, readonly Id[]>;
  /** Declaration position of each id: the tie-break for deterministic orders. */
  readonly position: ReadonlyMap<Id, number>;
  /** The mandatory ids, in declaration order. */
  readonly mandatory: readonly Id[];
  /** Mandatory ids plus everything they transitively depend on: never removable. */
  readonly locked: ReadonlySet<Id>;
  /** For each locked, non-mandatory id: its parent on a shortest chain from a mandatory root. */
  readonly lockedVia: ReadonlyMap<Id, Id>;
}

/** Follows forward edges from `sources` breadth-first, skipping `seen`; returns each reached id's parent. */
export function bfsParents<Id extends string>(
  index: Pick<CatalogIndex<Id>, 'byId'>,
  sources: Iterable<Id>,
  seen: Set<Id>,
): Map<Id, Id> {
  const parent = new Map<Id, Id>();
  const queue: Id[] = [];
  for (const s of sources) {
    if (seen.has(s)) continue;
    seen.add(s);
    queue.push(s);
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as Id;
    for (const dep of index.byId.get(id)?.dependsOn ?? []) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      parent.set(dep, id);
      queue.push(dep);
    }
  }
  return parent;
}

/** Walks `parent` pointers up from `id` and returns the chain root-first, ending at `id`. */
export function chainTo<Id extends string>(parent: ReadonlyMap<Id, Id>, id: Id): Id[] {
  const chain: Id[] = [id];
  for (let p = parent.get(id); p !== undefined; p = parent.get(p)) chain.push(p);
  return chain.reverse();
}

/** Builds the index of a catalog; throws on duplicate ids, duplicate or unknown dependencies. */
export function indexCatalog<Id extends string, N extends CatalogNode<Id>>(
  nodes: readonly N[],
): CatalogIndex<Id, N> {
  const byId = new Map<Id, N>();
  const position = new Map<Id, number>();
  for (const node of nodes) {
    if (byId.has(node.id)) throw new Error(`duplicate component id: ${node.id}`);
    position.set(node.id, byId.size);
    byId.set(node.id, node);
  }
  const dependents = new Map<Id, Id[]>(nodes.map((n) => [n.id, []]));
  for (const node of nodes) {
    const seen = new Set<Id>();
    for (const dep of node.dependsOn) {
      const list = dependents.get(dep);
      if (!list) throw new Error(`${node.id} depends on unknown component ${dep}`);
      if (seen.has(dep)) throw new Error(`${node.id} lists ${dep} twice in dependsOn`);
      seen.add(dep);
      list.push(node.id);
    }
  }
  const ids = nodes.map((n) => n.id);
  const mandatory = nodes.filter((n) => n.tier === 'mandatory').map((n) => n.id);
  const locked = new Set<Id>();
  const lockedVia = bfsParents({ byId }, mandatory, locked);
  return { ids, byId, dependents, position, mandatory, locked, lockedVia };
}

/** Every id that transitively depends on `id` (excluding `id`), in declaration order. */
export function dependentsOf<Id extends string>(index: CatalogIndex<Id>, id: Id): Id[] {
  const seen = new Set<Id>([id]);
  const queue: Id[] = [id];
  for (let head = 0; head < queue.length; head++) {
    for (const d of index.dependents.get(queue[head] as Id) ?? []) {
      if (seen.has(d)) continue;
      seen.add(d);
      queue.push(d);
    }
  }
  seen.delete(id);
  return index.ids.filter((x) => seen.has(x));
}

/** Shortest chain from a mandatory root down to a locked `id` (just `[id]` when mandatory). */
export function lockedChain<Id extends string>(index: CatalogIndex<Id>, id: Id): Id[] {
  return chainTo(index.lockedVia, id);
}

/** The index of the real component catalog, built once at module load. */
export const CATALOG_INDEX: CatalogIndex<ComponentId, Component> = indexCatalog(COMPONENTS);
