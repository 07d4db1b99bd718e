// Reading a value out of the draft by the dotted paths that name its fields
// ('infrastructure.regions.0.workers.count').
import type { FieldError } from './draft-defaults';

/** The value at a dotted path of an object, or undefined where the path leads nowhere. */
export function valueAtPath(root: unknown, path: string): unknown {
  let here: unknown = root;
  for (const key of path.split('.')) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** The problems whose field still holds the value it had in `judged` (the draft the server saw). */
export function stillStanding(
  problems: readonly FieldError[],
  judged: unknown,
  current: unknown,
): FieldError[] {
  return problems.filter(
    (p) =>
      JSON.stringify(valueAtPath(judged, p.path)) === JSON.stringify(valueAtPath(current, p.path)),
  );
}
