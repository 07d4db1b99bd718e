// Issue #12: kill -9 of the server (a child process) during a revision's commit. The repository's
// head is then the old commit or the whole new one on top of it, never a half; after a restart the
// revision completes (its commit the head, parent the previous one) or is failed (head the old).
import { rmSync, watch } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sovereignSchema } from '../../src/shared/schemas/sovereigns';
import * as git from '../../server/git';
import { stopServer } from '../../scripts/spawn-server';
import { addLibreChat, changedManifest, uniqueName, validBody } from './fixtures';
import { gitOut, revise, spawnServer, submit, tempDir } from './harness';

describe('kill -9 during a revision commit (child process)', () => {
  // Two kill points: as the work tree is being written (before any ref moves), and the moment the
  // branch ref moved (the commit landed; the database does not know it yet).
  const KILL_POINTS = [
    {
      point: 'work tree',
      dir: (dataDir: string) => git.tmpRoot(dataDir),
      hit: (f: string) => f.startsWith(git.TEMP_TREE_PREFIX),
    },
    {
      point: 'ref moved',
      dir: (_: string, bare: string) => path.join(bare, 'refs', 'heads'),
      hit: (f: string) => f === git.GIT_BRANCH,
    },
  ] as const;
  it.each(KILL_POINTS)(
    'kill at $point: the old or the new commit, then completed or failed',
    async ({ dir, hit }) => {
      const dataDir = tempDir('catalyst-revkill-');
      // A fixed PUBLIC_URL: the rendered tree names the clone URL, which must not change with the
      // port the restarted server happens to get.
      const env = { DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:8080' };
      const name = uniqueName('kill');
      const bare = git.repoPath(dataDir, name);
      const first = await spawnServer(env);
      let second: Awaited<ReturnType<typeof spawnServer>> | undefined;
      try {
        const res = await submit(first.url, validBody(name));
        expect(res.status).toBe(201);
        const waitFinal = async (url: string, revision: number) => {
          for (let i = 0; i < 600; i++) {
            const r = await fetch(`${url}/api/v1/sovereigns/${name}`);
            if (r.status === 200) {
              const s = sovereignSchema.parse(await r.json());
              const rev = s.revisions.find((x) => x.revision === revision);
              if (rev && ['ready-to-apply', 'failed'].includes(rev.status)) return s;
            }
            await new Promise((r) => setTimeout(r, 50));
          }
          throw new Error(`revision ${revision} never became final`);
        };
        const s1 = await waitFinal(first.url, 1);
        const c1 = s1.revisions[0]?.commitSha;
        expect(c1).toBeTruthy();

        // SIGKILL as soon as the kill point is seen.
        let killedAt = '';
        const watcher = watch(dir(dataDir, bare), (_event, file) => {
          if (!killedAt && hit(String(file))) {
            killedAt = String(file);
            first.child.kill('SIGKILL');
          }
        });
        const answer = await revise(
          first.url,
          name,
          changedManifest(name, addLibreChat),
          'baseRevision=1',
          { 'idempotency-key': `kill-${name}` },
        ).catch(() => undefined);
        await new Promise((r) =>
          first.child.exitCode !== null || first.child.signalCode
            ? r(null)
            : first.child.once('exit', r),
        );
        watcher.close();
        expect(killedAt).not.toBe('');
        if (answer) expect(answer.status).toBe(201);

        // Right after the kill: the head is commit 1, or a whole revision 2 on top of it.
        const headAfterKill = gitOut(bare, 'rev-parse', 'main');
        if (headAfterKill !== c1) {
          expect(gitOut(bare, 'rev-parse', 'main^')).toBe(c1);
          expect(gitOut(bare, 'log', '-1', '--format=%B', 'main')).toContain(
            'Catalyst-Revision: 2',
          );
        }
        gitOut(bare, 'fsck', '--no-dangling');

        second = await spawnServer(env);
        const s = await waitFinal(second.url, 2);
        const r2 = s.revisions[1];
        expect(s.revisions).toHaveLength(2);
        const head = gitOut(bare, 'rev-parse', 'main');
        if (r2?.status === 'ready-to-apply') {
          expect(head).toBe(r2.commitSha);
          expect(gitOut(bare, 'rev-parse', 'main^')).toBe(c1);
          expect(gitOut(bare, 'rev-list', '--count', 'main')).toBe('2');
        } else {
          expect(r2?.status).toBe('failed');
          expect(head).toBe(c1);
        }
        console.log(
          `revision kill test: killed at ${killedAt}; head after kill ${headAfterKill === c1 ? 'old' : 'new'}; revision 2 ${r2?.status}`,
        );
      } finally {
        if (first.child.exitCode === null && !first.child.signalCode) await stopServer(first.child);
        if (second) await stopServer(second.child);
        rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      }
    },
    120_000,
  );
});
