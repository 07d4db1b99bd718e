// Fuzzing admission in-process (app.inject, no sockets; generators: fuzz-edits.ts): whatever
// arrives, the answer is never a 5xx, and every rejection is a well-formed JSON error; a 400 names
// a path on each of its problems, and whatever is accepted renders. The pipeline is stopped:
// admission is under test, and each accepted manifest is rendered here instead (over sockets:
// fuzz-http.test.ts).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTofuInputs } from '../../server/tofu-inputs';
import { renderFluxTree } from '../../src/shared/lib/flux/render-flux-tree';
import { apiErrorSchema } from '../../src/shared/schemas/api';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';
import { injectBody } from './fuzz-edits';
import { startServer, type TestServer } from './harness';

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
