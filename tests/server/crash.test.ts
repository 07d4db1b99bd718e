// Durability: the real server as a child process takes a burst of concurrent submits and is
// SIGKILLed in the middle. After a restart every acknowledged (201) deployment is there with its
// events, the pipeline continues unfinished ones, and retrying any submit with its Idempotency-Key
// never creates a second deployment.
import { rmSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  deploymentCreatedSchema,
  deploymentPageSchema,
  deploymentSchema,
} from '../../src/shared/schemas/api';
import { validBody } from './fixtures';
import { readSse, spawnServer, submit, tempDir } from './harness';
import { stopServer } from '../../scripts/spawn-server';

const TOTAL = 200;
const CONCURRENCY = 20;
const KILL_AFTER_ACKS = 60;

async function listAll(url: string): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  let cursor = '';
  for (;;) {
    const res = await fetch(`${url}/api/v1/deployments?limit=100&cursor=${cursor}`);
    const page = deploymentPageSchema.parse(await res.json());
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}

it('keeps every acknowledged deployment across a SIGKILL mid-burst', async () => {
  const dataDir = tempDir('catalyst-crash-');
  const env = { DATA_DIR: dataDir };
  const first = await spawnServer(env);
  const acked = new Map<number, string>();
  let submitted = 0;
  let failed = 0;
  let killed = false;
  let next = 0;
  const bodies = Array.from({ length: TOTAL }, (_, i) => validBody(`crash-${i}`));

  const worker = async () => {
    while (next < TOTAL) {
      const i = next++;
      submitted++;
      try {
        const res = await submit(first.url, bodies[i] as string, {
          'idempotency-key': `crash-${i}`,
        });
        if (res.status === 201) acked.set(i, deploymentCreatedSchema.parse(await res.json()).id);
        else failed++;
      } catch {
        failed++;
      }
      if (!killed && acked.size >= KILL_AFTER_ACKS) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  expect(killed).toBe(true);
  await new Promise((r) =>
    first.child.exitCode !== null || first.child.signalCode ? r(null) : first.child.once('exit', r),
  );

  const second = await spawnServer(env);
  try {
    const found = new Set<string>();
    for (const id of acked.values()) {
      const res = await fetch(`${second.url}/api/v1/deployments/${id}`);
      if (res.status !== 200) continue;
      deploymentSchema.parse(await res.json());
      // At least the validate and persist events, written in the same transaction as the row.
      if (await hasEvents(second.url, id)) found.add(id);
    }
    const before = await listAll(second.url);

    // Retry every submit, acknowledged or not: never a second deployment for one key.
    let replayed = 0;
    for (let i = 0; i < submitted; i++) {
      const res = await submit(second.url, bodies[i] as string, {
        'idempotency-key': `crash-${i}`,
      });
      expect([200, 201]).toContain(res.status);
      const { id } = deploymentCreatedSchema.parse(await res.json());
      const ackedId = acked.get(i);
      if (ackedId) {
        expect(res.status).toBe(200);
        expect(id).toBe(ackedId);
        replayed++;
      }
    }
    const after = await listAll(second.url);
    const names = after.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(after.length).toBe(submitted);

    // The restarted server continues the pipeline of deployments left unfinished.
    const firstAcked = [...acked.values()][0] as string;
    const stream = await readSse(`${second.url}/api/v1/deployments/${firstAcked}/events`);
    expect(stream[stream.length - 1]?.event).toBe('done');
    expect(stream[stream.length - 1]?.data).toContain('ready-to-apply');

    console.log(
      `crash test: submitted ${submitted}, acknowledged ${acked.size}, failed/unanswered ${failed}, ` +
        `found after restart ${found.size}/${acked.size}, rows before retry ${before.length}, ` +
        `idempotent replays ${replayed}, rows after retrying all ${after.length}`,
    );
    expect(found.size).toBe(acked.size);
  } finally {
    // Wait for the server to exit; a git process it started may still finish its write.
    await stopServer(second.child);
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}, 120_000);

async function hasEvents(url: string, id: string): Promise<boolean> {
  const msgs = await readSse(`${url}/api/v1/deployments/${id}/events`, {}, 2);
  return msgs.length === 2 && msgs[0]?.id === '1' && msgs[1]?.id === '2';
}
