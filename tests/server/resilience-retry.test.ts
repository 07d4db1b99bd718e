// Exhausted resources (issue 13, item 3), the retry rules: which failures are transient (EMFILE,
// busy database, git lock), taken from the real thing where it can be produced, and the backoff of
// withRetry (the pipeline retrying and the temporary work trees: resilience-pipeline.test.ts;
// timeouts and the connection cap: connections.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as git from '../../server/git';
import { backoffMs, isTransientError, RetriesExhaustedError, withRetry } from '../../server/retry';
import { tempDir } from './harness';
import { realEmfile } from './resilience-fixtures';

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
