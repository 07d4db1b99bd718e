// Retries under a lost lease: the pipeline's "Retrying ..." events are guarded like its other
// writes, so a replica whose lease a peer took over while it was backing off appends nothing more
// and stops retrying. A real Pipeline on the real repository (SQLite, or PostgreSQL with
// CATALYST_TEST_DB=postgres), with a second connection as the peer replica; the one fault injected
// is a transient EMFILE from the artifact write, the first step the pipeline retries.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { renderFluxTree } from '../../src/shared/lib/flux/render-flux-tree';
import { openPostgres } from '../../server/db/postgres';
import type { Repository } from '../../server/db/repository';
import { openSqlite } from '../../server/db/sqlite';
import { createExecutor } from '../../server/executor';
import { Pipeline } from '../../server/pipeline';
import { validManifest } from './fixtures';
import { DEFAULT_DB, freshPgUrl, tempDir } from './harness';

/** Two connections on one fresh database: this replica's and a peer's. */
async function openPair(): Promise<[Repository, Repository]> {
  if (DEFAULT_DB === 'sqlite') {
    const file = path.join(tempDir(), 'lease.sqlite');
    return [await openSqlite(file), await openSqlite(file)];
  }
  const url = await freshPgUrl();
  return [await openPostgres(url), await openPostgres(url)];
}

const emfile = () =>
  Object.assign(new Error('EMFILE: too many open files, open'), {
    code: 'EMFILE',
    errno: -24,
    syscall: 'open',
  });

const opened: Repository[] = [];
afterEach(async () => {
  for (const r of opened.splice(0)) await r.close();
});

describe(`retries under a lost lease on ${DEFAULT_DB}`, () => {
  it('records a retry while the lease is held, and none once a peer has taken the lease over', async () => {
    const [mine, peer] = await openPair();
    opened.push(mine, peer);
    const id = randomUUID();
    const { secrets: _none, ...manifest } = validManifest('lease-lost');
    await mine.createDeployment({
      id,
      name: manifest.metadata.name,
      status: 'pending',
      statusMessage: 'accepted',
      manifestJson: JSON.stringify(manifest),
      requestHash: 'h',
      idempotencyKey: null,
      componentCount: manifest.spec.components.length,
      secrets: new Map(),
      events: [{ time: new Date().toISOString(), phase: 'validate', level: 'info', message: 'ok' }],
      now: new Date().toISOString(),
    });

    const OWNER = 'replica-a';
    let writes = 0;
    // Try 1 fails while replica-a holds the lease; before try 2 fails, a peer has taken it over.
    const repo: Repository = {
      ...mine,
      putArtifact: async (...args) => {
        writes++;
        if (writes === 2) {
          await peer.release(id, OWNER);
          expect(await peer.claim(id, 'replica-b', 60_000)).toBe(true);
        }
        if (writes <= 2) throw emfile();
        return mine.putArtifact(...args);
      },
    };
    const logs: string[] = [];
    const log = Fastify({
      logger: {
        level: 'warn',
        stream: new Writable({
          write(chunk, _enc, cb) {
            logs.push(String(chunk));
            cb();
          },
        }),
      },
    }).log;
    const pipeline = new Pipeline({
      repo,
      dataDir: tempDir(),
      secretKey: randomBytes(32),
      render: renderFluxTree,
      executor: createExecutor('none'),
      remote: undefined,
      log,
      concurrency: 1,
      retry: { attempts: 5, baseMs: 10, maxMs: 20 },
      leaseMs: 60_000,
      owner: OWNER,
    });
    pipeline.enqueue(id);
    await pipeline.idle();
    await pipeline.close();

    // Two tries, one retry event (the first, under the lease), then the run stopped: no third try.
    expect(writes).toBe(2);
    const events = await peer.listEvents(id, 0, 1000);
    const retries = events.filter((e) => e.message.startsWith('Retrying'));
    expect(retries).toHaveLength(1);
    expect(retries[0]?.message).toMatch(/^Retrying writing the OpenTofu inputs .*attempt 2 of 5/);
    expect(events.map((e) => e.phase)).toEqual(['validate', 'render', 'resume']);
    // Nothing of the lost run after that: not failed, no commit; the lease is still the peer's.
    expect(await peer.getDeployment(id)).toMatchObject({
      status: 'rendering',
      commitSha: null,
      lastSeq: 3,
    });
    expect((await peer.getLease(id))?.owner).toBe('replica-b');
    expect(logs.join('')).toContain('deployment taken over or final; stopped');
  });
});
