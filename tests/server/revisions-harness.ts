// The revisions tests' shared setup: an in-process server (one attempt per commit), a Sovereign
// with revision 1 committed, its revisions as the API lists them, and a change to revise it with.
import { afterAll, beforeAll, expect } from 'vitest';
import { sovereignSchema, type Sovereign } from '../../src/shared/schemas/sovereigns';
import { changedManifest, uniqueName, validBody } from './fixtures';
import { startServer, submit, type TestServer } from './harness';

type Draft = Parameters<Parameters<typeof changedManifest>[1]>[0];
/** Adds LibreChat (and so its dependencies) and one worker to region 1. */
export const oneMoreWorker = (d: Draft) => {
  const r = d.infrastructure.regions[0];
  if (r) r.workers.count += 1;
};

export async function sovereign(url: string, name: string): Promise<Sovereign> {
  const res = await fetch(`${url}/api/v1/sovereigns/${name}`);
  expect(res.status).toBe(200);
  return sovereignSchema.parse(await res.json());
}

/** The in-process server (set before the tests: see useRevisionServer). */
export let t: TestServer;

/** Starts the server before the tests of the enclosing suite; stops it after them. */
export function useRevisionServer(): void {
  beforeAll(async () => {
    t = await startServer({ env: { RETRY_ATTEMPTS: '1' } });
  });
  afterAll(async () => {
    await t.close();
  });
}

/** A Sovereign with revision 1 committed; returns its name and deployment id. */
export async function created(prefix: string, headers: Record<string, string> = {}) {
  const name = uniqueName(prefix);
  const res = await submit(t.url, validBody(name), headers);
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await t.server.pipeline.idle();
  return { name, id };
}
