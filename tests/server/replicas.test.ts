// Two replicas on one PostgreSQL and one shared DATA_DIR, as real child processes: 100 submits
// spread over both, one replica SIGKILLed mid-way and restarted. Every acknowledged deployment
// must end final (ready-to-apply) with exactly one commit in its repository and one event
// sequence (each step's event once, nothing after the final status), and every download works on
// both replicas. Work is claimed with leases; the dead replica's is taken over once they expire.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  deploymentCreatedSchema,
  deploymentSchema,
  FINAL_STATUSES,
} from '../../src/shared/schemas/api';
import { repoPath } from '../../server/git';
import { stopServer, type ServerProcess } from '../../scripts/spawn-server';
import { validBody, validManifest } from './fixtures';
import { freshPgUrl, PG_URL, readSse, spawnServer, submit, tempDir } from './harness';

const TOTAL = 100;
const CONCURRENCY = 10;
const KILL_AFTER_ACKS = 40;
const LEASE_MS = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface EventRow {
  deployment_id: string;
  seq: number;
  phase: string;
  level: string;
  message: string;
}

describe.skipIf(!PG_URL)('two replicas on one PostgreSQL', () => {
  it('runs every acknowledged deployment exactly once across a SIGKILL and a restart', async () => {
    const databaseUrl = await freshPgUrl();
    const dataDir = tempDir('catalyst-replicas-');
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      // Shared by every replica: the key (secrets, read tokens) and the public URL (rendered trees).
      CATALYST_SECRET_KEY: randomBytes(32).toString('base64'),
      PUBLIC_URL: 'http://catalyst.test',
      PIPELINE_LEASE_MS: String(LEASE_MS),
      PIPELINE_CONCURRENCY: '2',
    };
    const db = new pg.Client({ connectionString: databaseUrl });
    const replicas: ServerProcess[] = [await spawnServer(env)];
    replicas.push(await spawnServer(env));
    const a = replicas[0] as ServerProcess;
    try {
      await db.connect();
      const acked = new Map<number, string>();
      const statusSeen = new Map<string, string>();
      let flipped = 0;
      let killed = false;
      let restarting: Promise<void> | undefined;
      let unfinishedAtKill = 0;
      let unanswered = 0;
      let replayed = 0;
      const t0 = Date.now();
      const marks: string[] = [];
      const mark = (what: string) =>
        marks.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      let next = 0;
      const bodies = Array.from({ length: TOTAL }, (_, i) => validBody(`rep-${i}`));

      const target = (i: number): ServerProcess => {
        // Alternate; while replica 0 is dead (killed, not yet restarted) everything goes to 1.
        const r = replicas[i % 2] as ServerProcess;
        return r.child.exitCode !== null || r.child.signalCode !== null
          ? (replicas[1] as ServerProcess)
          : r;
      };
      const worker = async () => {
        while (next < TOTAL) {
          const i = next++;
          // A client behind a load balancer retries a failed submit (same key) on another replica.
          for (const attempt of [0, 1]) {
            try {
              const r = attempt === 0 ? target(i) : (replicas[1] as ServerProcess);
              const res = await submit(r.url, bodies[i] as string, {
                'idempotency-key': `rep-${i}`,
              });
              if (res.status === 201 || res.status === 200) {
                acked.set(i, deploymentCreatedSchema.parse(await res.json()).id);
                if (res.status === 200) replayed++;
                break;
              }
            } catch {
              // connection refused or reset by the killed replica
            }
            if (attempt === 1) unanswered++;
          }
          if (!killed && acked.size >= KILL_AFTER_ACKS) {
            killed = true;
            const r = await db.query<{ n: string }>(
              'SELECT count(*) AS n FROM deployments WHERE NOT (status = ANY($1::text[]))',
              [FINAL_STATUSES],
            );
            unfinishedAtKill = Number(r.rows[0]?.n);
            a.child.kill('SIGKILL');
            restarting = (async () => {
              await new Promise((res) =>
                a.child.exitCode !== null || a.child.signalCode
                  ? res(null)
                  : a.child.once('exit', res),
              );
              replicas[0] = await spawnServer(env);
            })();
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      expect(killed).toBe(true);
      await restarting;
      mark('submitted');
      expect(unfinishedAtKill).toBeGreaterThan(0);

      // Every acknowledged deployment ends final; a final status never changes afterwards.
      const ids = [...acked.values()];
      const deadline = Date.now() + 60_000;
      for (;;) {
        let open = 0;
        for (const [k, id] of ids.entries()) {
          const r = replicas[k % 2] as ServerProcess;
          const row = deploymentSchema.parse(
            await (await fetch(`${r.url}/api/v1/deployments/${id}`)).json(),
          );
          const before = statusSeen.get(id);
          if (before && FINAL_STATUSES.includes(before as never) && before !== row.status)
            flipped++;
          statusSeen.set(id, row.status);
          if (!FINAL_STATUSES.includes(row.status)) open++;
        }
        if (open === 0 || Date.now() > deadline) break;
        await sleep(250);
      }
      mark('all final');
      // A little longer: a late write of the killed run or a duplicate run would show up now.
      await sleep(LEASE_MS);
      for (const id of ids) {
        const row = deploymentSchema.parse(
          await (await fetch(`${replicas[1]?.url}/api/v1/deployments/${id}`)).json(),
        );
        if (statusSeen.get(id) !== row.status) flipped++;
        statusSeen.set(id, row.status);
      }
      const statuses = [...statusSeen.values()];
      if (statuses.some((st) => st !== 'ready-to-apply')) {
        for (const r of replicas) console.log(r.output.join('').slice(-4000));
      }
      expect(statuses.filter((s) => s !== 'ready-to-apply')).toEqual([]);
      expect(flipped).toBe(0);

      // One event sequence per deployment: seqs 1..n, each step once, `ready` last, no failure.
      const order = validManifest('rep-0').spec.installOrder;
      const events = await db.query<EventRow>(
        'SELECT deployment_id, seq, phase, level, message FROM events WHERE deployment_id = ANY($1::text[]) ORDER BY deployment_id, seq',
        [ids],
      );
      const byId = new Map<string, EventRow[]>();
      for (const e of events.rows)
        byId.set(e.deployment_id, [...(byId.get(e.deployment_id) ?? []), e]);
      let resumed = 0;
      const problems: string[] = [];
      for (const id of ids) {
        const evs = byId.get(id) ?? [];
        const seqs = evs.map((e) => e.seq);
        if (seqs.join() !== seqs.map((_, i) => i + 1).join())
          problems.push(`${id}: seqs ${seqs.join()}`);
        for (const phase of ['validate', 'persist', 'render', 'tofu-inputs', 'commit', 'ready']) {
          const n = evs.filter((e) => e.phase === phase).length;
          if (n !== 1) problems.push(`${id}: ${n} ${phase} events`);
        }
        const components = evs.filter((e) => e.phase === 'components').length;
        if (components !== order.length) problems.push(`${id}: ${components} component events`);
        if (evs.some((e) => e.phase === 'failed')) problems.push(`${id}: a failed event`);
        if (evs.at(-1)?.phase !== 'ready') problems.push(`${id}: last event ${evs.at(-1)?.phase}`);
        if (evs.some((e) => e.phase === 'resume' && e.level === 'info')) resumed++;
      }
      expect(problems).toEqual([]);

      // Exactly one commit per repository, the one the API names.
      const commits: number[] = [];
      for (const [i, id] of acked) {
        const bare = repoPath(dataDir, `rep-${i}`);
        const git = (...args: string[]) =>
          execFileSync('git', ['--git-dir', bare, ...args], { encoding: 'utf8' }).trim();
        commits.push(Number(git('rev-list', '--count', 'main')));
        const row = deploymentSchema.parse(
          await (await fetch(`${replicas[0]?.url}/api/v1/deployments/${id}`)).json(),
        );
        expect(row.commit).toBe(git('rev-parse', 'main'));
      }
      expect(commits.filter((n) => n !== 1)).toEqual([]);

      // Downloads from either replica, whichever ran the deployment.
      let downloads = 0;
      for (const [k, id] of ids.entries()) {
        for (const r of replicas) {
          const manifest = await fetch(`${r.url}/api/v1/deployments/${id}/manifest`);
          expect(manifest.status).toBe(200);
          expect(await manifest.text()).toContain('kind: Sovereign');
          if (k % 4 === 0) {
            const tar = await fetch(`${r.url}/api/v1/deployments/${id}/gitops`);
            expect(tar.status).toBe(200);
            expect(tar.headers.get('content-type')).toContain('gzip');
            expect((await tar.arrayBuffer()).byteLength).toBeGreaterThan(1000);
          }
          downloads++;
        }
      }
      for (const r of replicas) {
        const stream = await readSse(`${r.url}/api/v1/deployments/${ids[0]}/events`);
        expect(stream.at(-1)?.event).toBe('done');
        expect(stream.at(-1)?.data).toContain('ready-to-apply');
      }
      const durations = await db.query<{ phase: string; ms: string }>(
        `SELECT phase, round(avg(duration_ms)) AS ms FROM events
         WHERE phase IN ('render', 'commit') GROUP BY phase ORDER BY phase`,
      );
      mark('checked');
      console.log(
        `replicas test: submitted ${TOTAL}, acknowledged ${acked.size} (${replayed} on a retry ` +
          `found already stored), unanswered ${unanswered}, ${marks.join(', ')}, ` +
          `unfinished at the kill ${unfinishedAtKill}, resumed after the kill ${resumed}, ` +
          `ready-to-apply ${statuses.filter((s) => s === 'ready-to-apply').length}, ` +
          `one commit each ${commits.filter((n) => n === 1).length}, flipped ${flipped}, ` +
          `manifest downloads ${downloads}, mean step ms ` +
          durations.rows.map((d) => `${d.phase} ${d.ms}`).join(', '),
      );
    } finally {
      await db.end().catch(() => undefined);
      for (const r of replicas) await stopServer(r.child);
      await stopServer(a.child, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  }, 120_000);
});
