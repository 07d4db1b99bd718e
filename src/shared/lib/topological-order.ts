// Install order of a set of components: dependencies before dependents, deterministic.
import type { CatalogIndex } from './catalog-graph';

/** An install order with longest-path ranks, or the dependency cycle that prevents one. */
export type TopologicalResult<Id extends string> =
  | { readonly ok: true; readonly order: Id[]; readonly ranks: Map<Id, number> }
  | { readonly ok: false; readonly cycle: Id[] };

/** A binary min-heap of declaration positions: Kahn's tie-break. */
class PositionHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const a = this.items;
    a.push(value);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if ((a[p] as number) <= value) break;
      a[i] = a[p] as number;
      a[p] = value;
      i = p;
    }
  }

  pop(): number {
    const a = this.items;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length === 0) return top;
    a[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && (a[l] as number) < (a[m] as number)) m = l;
      if (r < a.length && (a[r] as number) < (a[m] as number)) m = r;
      if (m === i) break;
      a[i] = a[m] as number;
      a[m] = last;
      i = m;
    }
    return top;
  }
}

/** Follows in-set dependencies from the first unordered id until one repeats: the cycle path. */
function findCycle<Id extends string>(index: CatalogIndex<Id>, remaining: ReadonlySet<Id>): Id[] {
  // Every remaining id still waits on a remaining dependency, so the walk never dead-ends.
  const next = (id: Id) => index.byId.get(id)?.dependsOn.find((d) => remaining.has(d)) as Id;
  const path: Id[] = [];
  const at = new Map<Id, number>();
  let id = index.ids.find((x) => remaining.has(x)) as Id;
  while (!at.has(id)) {
    at.set(id, path.length);
    path.push(id);
    id = next(id);
  }
  return [...path.slice(at.get(id)), id];
}

/** Orders `ids` by Kahn's algorithm (ties by declaration order), dependencies first; O((V+E) log V). */
export function topologicalOrder<Id extends string>(
  index: CatalogIndex<Id>,
  ids: Iterable<Id>,
): TopologicalResult<Id> {
  const set = new Set<Id>();
  for (const id of ids) if (index.position.has(id)) set.add(id);
  const pending = new Map<Id, number>();
  const ready = new PositionHeap();
  for (const id of set) {
    const n = index.byId.get(id)?.dependsOn.filter((d) => set.has(d)).length ?? 0;
    pending.set(id, n);
    if (n === 0) ready.push(index.position.get(id) as number);
  }
  const order: Id[] = [];
  const ranks = new Map<Id, number>();
  while (ready.size > 0) {
    const id = index.ids[ready.pop()] as Id;
    let rank = 0;
    for (const d of index.byId.get(id)?.dependsOn ?? []) {
      const r = ranks.get(d);
      if (r !== undefined && r + 1 > rank) rank = r + 1;
    }
    ranks.set(id, rank);
    order.push(id);
    for (const dependent of index.dependents.get(id) ?? []) {
      const left = pending.get(dependent);
      if (left === undefined) continue;
      pending.set(dependent, left - 1);
      if (left === 1) ready.push(index.position.get(dependent) as number);
    }
  }
  if (order.length === set.size) return { ok: true, order, ranks };
  return { ok: false, cycle: findCycle(index, new Set([...set].filter((id) => !ranks.has(id)))) };
}
