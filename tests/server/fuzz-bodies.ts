// The fuzz tests' shared generators: the valid manifest as plain JSON, its paths, one-path
// mutations of it, and the bodies and media types the socket fuzzing sends (fuzz-http.test.ts;
// the in-process edits build on these: fuzz-edits.ts).
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { validManifest } from './fixtures';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export const VALID = JSON.parse(JSON.stringify(validManifest('fuzz'))) as Json;

function pathsOf(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}
export const PATHS = pathsOf(VALID).filter((p) => p.length > 0);

/** The valid manifest with the value at one path replaced (or deleted when `value` is undefined). */
function mutate(pathIndex: number, value: Json | undefined): Json {
  const copy = JSON.parse(JSON.stringify(VALID)) as Json;
  const path = PATHS[pathIndex % PATHS.length] ?? [];
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

export const printable = fc
  .string({ unit: 'binary-ascii', maxLength: 40 })
  .map((s) => s.replace(/[^\x20-\x7e]/g, ''));
export const mediaType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/yaml',
    'application/x-yaml',
    'text/yaml',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/octet-stream',
    'application/json; charset=latin1',
    'APPLICATION/JSON',
  ),
  printable,
);

const deep = fc.nat({ max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
export const bodyText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.nat(), fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }))
      .map(([i, v]) => JSON.stringify(mutate(i, v as Json | undefined))),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }))
      .map(([i, v]) => toYaml(mutate(i, v as Json | undefined))),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat(), fc.nat({ max: 5000 }))
      .map(([i, cut]) => JSON.stringify(mutate(i, null)).slice(0, cut)),
  },
  { weight: 1, arbitrary: deep },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '*a',
      'a: &a [*a]',
      '!!binary aGVsbG8=',
      'a: &x [1,2]\nb: [*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x]',
      '{"__proto__": {"polluted": true}}',
      '---\na: 1\n---\nb: 2',
      'apiVersion: catalyst.openova.io/v1alpha0\nkind: Sovereign\nspec: {components: 5}',
      '1e999999',
      '"\\ud800"',
    ),
  },
);
