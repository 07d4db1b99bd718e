// Structural sharing for React Flow elements: an element equal to the one of the previous render
// is replaced by that same object, so React Flow and the memoised node components skip it.

/** True when two plain values are equal, comparing objects and arrays one level at a time. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Returns `next` with each element that equals its predecessor (same id) swapped for it. */
export function reuseUnchanged<T extends { id: string }>(
  previous: ReadonlyMap<string, T>,
  next: readonly T[],
): T[] {
  return next.map((item) => {
    const old = previous.get(item.id);
    return old !== undefined && sameValue(old, item) ? old : item;
  });
}
