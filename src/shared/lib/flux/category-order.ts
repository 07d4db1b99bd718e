// Category-level ordering of the GitOps tree. Cross-category dependencies of the catalog can
// form cycles (gitops → security → network → database → gitops), so a Flux Kustomization may
// only depend on categories outside its own strongly connected component; HelmRelease
// `dependsOn` orders everything else.

/** Strongly connected components of a directed graph (Tarjan), as a node → component id map. */
export function stronglyConnected<T>(
  nodes: readonly T[],
  edges: ReadonlyMap<T, ReadonlySet<T>>,
): Map<T, number> {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const component = new Map<T, number>();
  let counter = 0;
  let components = 0;
  const visit = (v: T): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
        onStack.delete(w);
        component.set(w, components);
        if (w === v) break;
      }
      components++;
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return component;
}

/** The category dependencies: cross-category edges, and the ones kept (outside cycles). */
export interface CategoryOrder<C extends string> {
  /** For each category, the categories its Kustomization waits for (acyclic). */
  readonly dependsOn: ReadonlyMap<C, readonly C[]>;
  /** Cross-category edges dropped because they lie on a cycle: `from → to`. */
  readonly dropped: readonly (readonly [C, C])[];
}

/** Keeps the category edges between different strongly connected components. */
export function categoryOrder<C extends string>(
  categories: readonly C[],
  edges: ReadonlyMap<C, ReadonlySet<C>>,
): CategoryOrder<C> {
  const scc = stronglyConnected(categories, edges);
  const dependsOn = new Map<C, C[]>();
  const dropped: [C, C][] = [];
  for (const from of categories) {
    const kept: C[] = [];
    for (const to of categories) {
      if (!edges.get(from)?.has(to)) continue;
      if (scc.get(from) === scc.get(to)) dropped.push([from, to]);
      else kept.push(to);
    }
    dependsOn.set(from, kept);
  }
  return { dependsOn, dropped };
}
