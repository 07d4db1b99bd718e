// Fuzzing the real server: thousands of generated and mutated bodies, media types and headers.
// Whatever arrives, the answer is never a 5xx, and every rejection is a well-formed JSON error.
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/shared/schemas/api';
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
