// Exhausted resources (issue 13, item 3; timeouts and the connection cap: connections.test.ts):
// transient failures (EMFILE, busy database, git lock) are retried with backoff before a deployment
// is called failed, others fail at once; temporary work trees live under DATA_DIR/tmp, are removed
// on every path and swept at start when old enough.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as git from '../../server/git';
import { backoffMs, isTransientError, RetriesExhaustedError, withRetry } from '../../server/retry';
import { validBody } from './fixtures';
import { startServer, submit, tempDir, type TestServer } from './harness';

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

/** An EMFILE as Node really reports it: measured in a child process with `ulimit -n 40`. */
function realEmfile(): NodeJS.ErrnoException {
  const script =
    'const fs=require("fs");const fds=[];try{for(;;)fds.push(fs.openSync("/dev/null","r"))}' +
    'catch(e){console.log(JSON.stringify({message:e.message,code:e.code,errno:e.errno,syscall:e.syscall,path:e.path}))}';
  const out = execFileSync(
    'bash',
    ['-c', `ulimit -n 40; exec "${process.execPath}" -e '${script}'`],
    {
      encoding: 'utf8',
    },
  );
  const shape = JSON.parse(out) as { message: string; code: string; errno: number };
  expect(shape.code).toBe('EMFILE');
  const { message, ...rest } = shape;
  return Object.assign(new Error(message), rest);
}

/** Every error the pipeline and git surface, taken from the real thing where it can be produced. */
describe('isTransientError', () => {
  it('is true for EMFILE as Node reports it, and ENFILE/ENOSPC/EAGAIN/EBUSY shapes', () => {
    expect(isTransientError(realEmfile())).toBe(true);
    for (const [code, errno, text] of [
      ['ENFILE', -23, 'file table overflow'],
      ['ENOSPC', -28, 'no space left on device'],
      ['EAGAIN', -11, 'resource temporarily unavailable'],
      ['EBUSY', -16, 'resource busy or locked'],
    ] as const) {
      const err = Object.assign(new Error(`${code}: ${text}, write`), {
        code,
        errno,
        syscall: 'write',
      });
      expect(isTransientError(err), code).toBe(true);
      // The code alone is enough (a message may be reworded), and so is the message alone.
      expect(isTransientError({ code }), code).toBe(true);
      expect(isTransientError(new Error(`git add failed: ${code}: ${text}`)), code).toBe(true);
    }
  });

  it('is true for a busy SQLite database (better-sqlite3), false for a constraint violation', () => {
    const dir = tempDir('catalyst-retry-');
    const file = path.join(dir, 'busy.sqlite');
    const a = new Database(file);
    const b = new Database(file, { timeout: 0 });
    a.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    a.exec('BEGIN IMMEDIATE');
    let busy: unknown;
    try {
      b.exec('BEGIN IMMEDIATE');
    } catch (e) {
      busy = e;
    }
    a.exec('ROLLBACK');
    a.exec('INSERT INTO t (id) VALUES (1)');
    let constraint: unknown;
    try {
      a.exec('INSERT INTO t (id) VALUES (1)');
    } catch (e) {
      constraint = e;
    }
    a.close();
    b.close();
    expect((busy as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
    expect(isTransientError(busy)).toBe(true);
    expect((constraint as { code?: string }).code).toMatch(/^SQLITE_CONSTRAINT/);
    expect(isTransientError(constraint)).toBe(false);
  });

  it('is true for PostgreSQL deadlock/serialization/lock codes, false for a unique violation', () => {
    // pg's DatabaseError carries the SQLSTATE in `code`.
    const pgError = (code: string, message: string) =>
      Object.assign(new Error(message), { code, severity: 'ERROR', name: 'error' });
    expect(isTransientError(pgError('40P01', 'deadlock detected'))).toBe(true);
    expect(isTransientError(pgError('40001', 'could not serialize access'))).toBe(true);
    expect(isTransientError(pgError('55P03', 'could not obtain lock on row'))).toBe(true);
    expect(
      isTransientError(pgError('23505', 'duplicate key value violates unique constraint')),
    ).toBe(false);
  });

  it('is true for git lock errors as commitTree reports them, false for other git failures', async () => {
    const dir = tempDir('catalyst-retry-');
    const repo = git.repoPath(dir, 'locked');
    const files = [{ path: 'a.txt', content: 'a\n' }];
    await git.commitTree(repo, files, 'first');
    writeFileSync(path.join(repo, 'refs', 'heads', 'main.lock'), '');
    const refLock = await git
      .commitTree(repo, [{ path: 'a.txt', content: 'b\n' }], 'second')
      .catch((e: unknown) => e);
    expect(String(refLock)).toMatch(/cannot lock ref/);
    expect(isTransientError(refLock)).toBe(true);
    const notACommit = await git.archiveCommit(repo, '0'.repeat(40), 'x/').catch((e: unknown) => e);
    expect(String(notACommit)).toMatch(/git archive failed/);
    expect(isTransientError(notACommit)).toBe(false);
    // git's "Unable to create '…/index.lock': File exists." (another git holds the index).
    expect(
      isTransientError(
        new Error(
          "git add failed: fatal: Unable to create '/d/git/x.git/index.lock': File exists.",
        ),
      ),
    ).toBe(true);
  });

  it('is false for everyday failures and follows `cause`', () => {
    let enoent: unknown;
    try {
      readFileSync('/nonexistent/catalyst');
    } catch (e) {
      enoent = e;
    }
    expect((enoent as { code?: string }).code).toBe('ENOENT');
    expect(isTransientError(enoent)).toBe(false);
    expect(
      isTransientError(new TypeError("Cannot read properties of undefined (reading 'x')")),
    ).toBe(false);
    expect(isTransientError(new Error('Unsafe path in tree: ../x'))).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
    expect(isTransientError(42)).toBe(false);
    expect(isTransientError(new Error('render failed', { cause: realEmfile() }))).toBe(true);
  });
});

describe('withRetry', () => {
  const emfile = () => Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });

  it('retries transient failures with growing jittered delays, then returns', async () => {
    const delays: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        if (++calls <= 3) throw emfile();
        return 'ok';
      },
      { attempts: 5, baseMs: 100, sleep: async (ms) => void delays.push(ms), random: () => 1 },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 400]);
  });

  it('throws a non-transient failure at once, and the last transient one after the attempts', async () => {
    let calls = 0;
    const sleep = async () => undefined;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error('invalid tree');
        },
        { attempts: 5, baseMs: 1, sleep },
      ),
    ).rejects.toThrow('invalid tree');
    expect(calls).toBe(1);
    calls = 0;
    const err = await withRetry(
      async () => {
        calls++;
        throw emfile();
      },
      { attempts: 3, baseMs: 1, sleep },
    ).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(err).toBeInstanceOf(RetriesExhaustedError);
    expect((err as Error).message).toBe('EMFILE: too many open files (after 3 attempts)');
  });

  it('keeps every delay between half and all of base·2^n, capped at maxMs', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(5000, 100 * 2 ** (attempt - 1));
      for (const r of [0, 0.3, 0.999]) {
        const d = backoffMs(attempt, 100, 5000, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
  });
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
