// Bounds on manifest text, checked BEFORE any YAML/JSON parser sees it. The `yaml` parser recurses
// per nesting level and does work per error: 1,000 nested `- ` (2 KB) overflow its stack and can
// take the process down with an out-of-memory in V8's regexp compiler, and a line of 1M `]`
// makes 1M errors (10 s). So a small linear scanner of our own measures nesting depth, entries
// per collection and nodes first, and the parser only runs on text that is small in every sense.
// The scanner knows just enough YAML (indentation, `- `/`? `/`key: ` indicators, flow `[ ] { }`,
// quotes, comments, block scalars) to never UNDER-count: where it is unsure it over-counts or
// refuses. JSON is YAML's flow syntax, so JSON bodies go through the same scanner.
import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import { MANIFEST_LIMITS, type ManifestLimits } from './bounds/limits';

export { MANIFEST_LIMITS, type BoundsViolation, type ManifestLimits } from './bounds/limits';
export { scanBounds } from './bounds/scanner';

/** 1-based line and column of a character offset (one linear pass; called once per error). */
export function lineColumn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

/** "line L, column C" of an offset. */
export function positionOf(text: string, offset: number): string {
  const { line, col } = lineColumn(text, offset);
  return `line ${line}, column ${col}`;
}

/** A problem found while walking a parsed document: where it is and what it is. */
export interface StructureProblem {
  kind: 'too-deep' | 'too-many-entries' | 'too-many-nodes' | 'duplicate-key' | 'complex-key';
  /** The manifest path (`spec.components[0].id`) of the node at fault. */
  path: string;
  /** Character offset in the text, when known. */
  offset: number | undefined;
  message: string;
}

/** The manifest path of a child: `a.b`, `a[3]`, or `a["odd key"]`. */
export const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number'
    ? `${parent}[${key}]`
    : /^[A-Za-z_$][\w$-]*$/.test(key)
      ? parent
        ? `${parent}.${key}`
        : key
      : `${parent}[${JSON.stringify(key)}]`;

/**
 * Walks a parsed YAML document (parsed with `uniqueKeys: false`) without recursion: duplicate
 * keys (a Set per mapping: linear, where yaml's own check is quadratic), keys that are not
 * scalars, and the same limits as the scanner, counted exactly. The first problem, or null.
 */
export function checkDocument(
  doc: Document,
  limits: ManifestLimits = MANIFEST_LIMITS,
): StructureProblem | null {
  const problem = (
    kind: StructureProblem['kind'],
    path: string,
    node: unknown,
    message: string,
  ): StructureProblem => ({ kind, path: path || '(root)', offset: rangeStart(node), message });
  const stack: { node: unknown; path: string; depth: number }[] = [
    { node: doc.contents, path: '', depth: 0 },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop() as (typeof stack)[number];
    if (++nodes > limits.maxNodes)
      return problem(
        'too-many-nodes',
        path,
        node,
        `more than ${limits.maxNodes} values in the document`,
      );
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= limits.maxDepth)
      return problem('too-deep', path, node, `nested deeper than ${limits.maxDepth} levels`);
    if (node.items.length > limits.maxEntries) {
      const message = `more than ${limits.maxEntries} entries in one mapping or list`;
      return problem('too-many-entries', path, node, message);
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) =>
        stack.push({ node: item, path: childPath(path, i), depth: depth + 1 }),
      );
      continue;
    }
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (key !== null && !isScalar(key)) {
        const message = 'mapping keys must be plain names, not lists, mappings or aliases';
        return problem('complex-key', path, key, message);
      }
      const name = String(key?.value ?? '');
      const at = childPath(path, name);
      if (seen.has(name)) {
        const message = `Map keys must be unique: ${JSON.stringify(name)} appears twice`;
        return problem('duplicate-key', at, key, message);
      }
      seen.add(name);
      stack.push({ node: pair.value, path: at, depth: depth + 1 });
    }
  }
  return null;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}
