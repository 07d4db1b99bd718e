// Fuzzing the real server over its sockets: thousands of generated and mutated bodies, media
// types and headers (generators: fuzz-bodies.ts). Whatever arrives, the answer is never a 5xx, and
// every rejection is a well-formed JSON error (in-process admission: fuzz-admission.test.ts).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/shared/schemas/api';
import { bodyText, mediaType, printable, VALID } from './fuzz-bodies';
import { startServer, type TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

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
