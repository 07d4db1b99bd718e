// Exhausted resources (issue 13, item 3), in the pipeline: transient failures (EMFILE) are retried
// with backoff before a deployment is called failed, others fail at once; temporary work trees live
// under DATA_DIR/tmp, are removed on every path and swept at start when old enough (which failures
// are transient, and the backoff: resilience-retry.test.ts; timeouts and the connection cap:
// connections.test.ts).
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as git from '../../server/git';
import { validBody } from './fixtures';
import { startServer, submit, tempDir, type TestServer } from './harness';
import { realEmfile } from './resilience-fixtures';

/** Failures the next commits throw (then the real commitTree runs), and how often it was called. */
const commits = vi.hoisted(() => ({ failures: [] as unknown[], calls: 0 }));

vi.mock('../../server/git', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/git')>();
  return {
    ...real,
    commitTree: async (...args: Parameters<typeof real.commitTree>) => {
      commits.calls++;
      const failure = commits.failures.shift();
      if (failure !== undefined) throw failure;
      return real.commitTree(...args);
    },
  };
});

describe('the pipeline under transient failures', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer({ env: { RETRY_BASE_MS: '20', RETRY_ATTEMPTS: '4' } });
  });
  afterAll(() => t.close());

  async function deployment(id: string) {
    await t.server.pipeline.idle();
    const row = await t.server.repo.getDeployment(id);
    const events = await t.server.repo.listEvents(id, 0, 1000);
    return { row, events };
  }

  it('a commit failing twice with EMFILE is retried and ends ready-to-apply', async () => {
    commits.calls = 0;
    commits.failures.push(realEmfile(), realEmfile());
    const t0 = performance.now();
    const res = await submit(t.url, validBody('retried'));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const { row, events } = await deployment(id);
    const ms = Math.round(performance.now() - t0);
    expect(row?.status).toBe('ready-to-apply');
    expect(row?.commitSha).toMatch(/^[0-9a-f]{40}$/);
    expect(commits.calls).toBe(3);
    const retries = events.filter((e) => e.message.startsWith('Retrying the commit'));
    expect(retries.map((e) => [e.level, e.phase])).toEqual([
      ['warn', 'resume'],
      ['warn', 'resume'],
    ]);
    expect(retries[0]?.message).toMatch(/attempt 2 of 4\) after a transient failure: EMFILE/);
    expect(retries[1]?.message).toMatch(/attempt 3 of 4\)/);
    expect(events.filter((e) => e.phase === 'commit')).toHaveLength(1);
    expect(events.some((e) => e.phase === 'failed')).toBe(false);
    console.log(`retry: 2 EMFILE failures, then committed; ${ms} ms from submit to ready-to-apply`);
  });

  it('a non-transient commit failure fails the deployment at once, without retries', async () => {
    commits.calls = 0;
    commits.failures.push(new Error('git write-tree failed: fatal: invalid object'));
    const res = await submit(t.url, validBody('broken'));
    const { id } = (await res.json()) as { id: string };
    const { row, events } = await deployment(id);
    expect(row?.status).toBe('failed');
    expect(row?.statusMessage).toMatch(/invalid object/);
    expect(commits.calls).toBe(1);
    expect(events.some((e) => e.message.startsWith('Retrying'))).toBe(false);
  });

  it('transient failures beyond the attempts fail the deployment, saying how many', async () => {
    commits.calls = 0;
    for (let i = 0; i < 4; i++) commits.failures.push(realEmfile());
    const res = await submit(t.url, validBody('exhausted'));
    const { id } = (await res.json()) as { id: string };
    const { row, events } = await deployment(id);
    expect(commits.calls).toBe(4);
    expect(row?.status).toBe('failed');
    expect(row?.statusMessage).toMatch(/EMFILE.*\(after 4 attempts\)/);
    expect(events.filter((e) => e.message.startsWith('Retrying'))).toHaveLength(3);
  });
});

describe('temporary work trees', () => {
  const trees = (dataDir: string) =>
    existsSync(git.tmpRoot(dataDir)) ? readdirSync(git.tmpRoot(dataDir)) : [];

  it('are written under DATA_DIR/tmp and removed after a commit and after a failed one', async () => {
    const dir = tempDir('catalyst-tmp-');
    const repo = git.repoPath(dir, 'trees');
    let seen: string[] = [];
    // The tree exists while git runs: an update-ref lock makes the commit fail at its last step.
    await git.commitTree(repo, [{ path: 'a.txt', content: 'a\n' }], 'first');
    expect(existsSync(git.tmpRoot(dir))).toBe(true);
    expect(trees(dir)).toEqual([]);
    writeFileSync(path.join(repo, 'refs', 'heads', 'main.lock'), '');
    const failed = await git
      .commitTree(repo, [{ path: 'a.txt', content: 'b\n' }], 'second', {
        onCleanupError: () => (seen = ['cleanup failed']),
      })
      .catch((e: unknown) => e);
    expect(String(failed)).toMatch(/cannot lock ref/);
    expect(trees(dir)).toEqual([]);
    const unsafe = await git
      .commitTree(repo, [{ path: '../escape.txt', content: 'x' }], 'third')
      .catch((e: unknown) => e);
    expect(String(unsafe)).toMatch(/Unsafe path/);
    expect(trees(dir)).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('leave no tree behind when the pipeline fails', async () => {
    const t = await startServer({
      env: { RETRY_ATTEMPTS: '1' },
      extras: { render: () => [{ path: '../../outside.yaml', content: 'x: 1\n' }] },
    });
    try {
      const res = await submit(t.url, validBody('leaky'));
      const { id } = (await res.json()) as { id: string };
      await t.server.pipeline.idle();
      expect((await t.server.repo.getDeployment(id))?.status).toBe('failed');
      expect(existsSync(git.tmpRoot(t.dataDir))).toBe(true);
      expect(trees(t.dataDir)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('are swept at start when older than 10 minutes; younger ones (a peer) are kept', async () => {
    const dataDir = tempDir('catalyst-sweep-');
    const root = git.tmpRoot(dataDir);
    const make = (name: string, ageMs: number) => {
      const d = path.join(root, name);
      mkdirSync(path.join(d, 'tree', 'clusters'), { recursive: true });
      writeFileSync(path.join(d, 'tree', 'clusters', 'x.yaml'), 'x: 1\n');
      writeFileSync(path.join(d, 'index'), '');
      const when = new Date(Date.now() - ageMs);
      utimesSync(d, when, when);
    };
    make(`${git.TEMP_TREE_PREFIX}old1`, 60 * 60_000);
    make(`${git.TEMP_TREE_PREFIX}old2`, 11 * 60_000);
    make(`${git.TEMP_TREE_PREFIX}peer`, 60_000);
    make('not-ours', 60 * 60_000);
    const t = await startServer({ env: { DATA_DIR: dataDir } });
    try {
      await t.server.pipeline.resumeUnfinished();
      expect(readdirSync(root).sort()).toEqual([`${git.TEMP_TREE_PREFIX}peer`, 'not-ours']);
    } finally {
      await t.close();
    }
    // And directly: the count, with a cut-off that takes the peer's too.
    expect(await git.sweepTempTrees(dataDir, { olderThanMs: 0 })).toEqual({
      removed: 1,
      kept: 0,
      failed: 0,
    });
    expect(readdirSync(root)).toEqual(['not-ours']);
  });
});
