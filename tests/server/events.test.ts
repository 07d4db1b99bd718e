// The SSE stream: every event once, in order, resumable by Last-Event-ID or ?lastEventId=, ending
// with `event: done`; and the pipeline's steps with timings and per-component pending events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deploymentCreatedSchema,
  deploymentEventSchema,
  eventsDoneSchema,
  type DeploymentEvent,
} from '../../src/shared/schemas/api';
import { validBody, validManifest } from './fixtures';
import { bareDeployment, readSse, startServer, submit, type TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startServer({ env: { SSE_HEARTBEAT_MS: '100' } });
});
afterAll(() => t.close());

async function create(name: string): Promise<string> {
  const res = await submit(t.url, validBody(name));
  return deploymentCreatedSchema.parse(await res.json()).id;
}

const events = (msgs: { event: string; data: string }[]): DeploymentEvent[] =>
  msgs
    .filter((m) => m.event === 'message')
    .map((m) => deploymentEventSchema.parse(JSON.parse(m.data)));

describe('GET /api/v1/deployments/:id/events', () => {
  it('streams the whole pipeline and ends with done', async () => {
    const id = await create('stream');
    const msgs = await readSse(`${t.url}/api/v1/deployments/${id}/events`);
    const all = events(msgs);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    for (const m of msgs.filter((x) => x.event === 'message')) {
      expect(m.id).toBe(String((JSON.parse(m.data) as DeploymentEvent).seq));
    }
    const phases = all.filter((e) => e.phase !== 'components').map((e) => e.phase);
    expect(phases).toEqual(['validate', 'persist', 'render', 'tofu-inputs', 'commit', 'ready']);
    for (const e of all.filter((x) => ['render', 'tofu-inputs', 'commit'].includes(x.phase))) {
      expect(e.durationMs).toBeGreaterThanOrEqual(0);
    }
    const pending = all.filter((e) => e.phase === 'components');
    expect(pending.map((e) => e.component)).toEqual(validManifest('stream').spec.installOrder);
    expect(pending.every((e) => e.state === 'pending')).toBe(true);
    const last = msgs[msgs.length - 1];
    expect(last?.event).toBe('done');
    const done = eventsDoneSchema.parse(JSON.parse(last?.data ?? '{}'));
    expect(done.status).toBe('ready-to-apply');
    expect(done.statusMessage).toMatch(/no cloud resources have been created/);
    // The end carries the commit, the same as a re-read of the deployment says.
    const after = (await (await fetch(`${t.url}/api/v1/deployments/${id}`)).json()) as {
      commit: string | null;
    };
    expect(done.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(done.commit).toBe(after.commit);
  });

  it('resumes after a disconnect without losing or repeating an event', async () => {
    const id = await create('resume');
    const url = `${t.url}/api/v1/deployments/${id}/events`;
    const first = events(await readSse(url, {}, 7));
    expect(first).toHaveLength(7);
    const lastId = String(first[first.length - 1]?.seq);
    const rest = events(await readSse(url, { 'last-event-id': lastId }));
    const byQuery = events(await readSse(`${url}?lastEventId=${lastId}`));
    const seqs = [...first, ...rest].map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(rest.length).toBeGreaterThan(40);
    expect(byQuery.map((e) => e.seq)).toEqual(rest.map((e) => e.seq));
  });

  it('records a failed step as an error event and ends with done: failed', async () => {
    const broken = await startServer({
      extras: {
        render: () => {
          throw new Error('render exploded for the test');
        },
      },
    });
    try {
      const res = await submit(broken.url, validBody('broken'));
      const { id } = deploymentCreatedSchema.parse(await res.json());
      const msgs = await readSse(`${broken.url}/api/v1/deployments/${id}/events`);
      const failed = events(msgs).find((e) => e.phase === 'failed');
      expect(failed?.level).toBe('error');
      expect(failed?.message).toMatch(/render exploded/);
      expect(JSON.parse(msgs[msgs.length - 1]?.data ?? '{}')).toMatchObject({ status: 'failed' });
    } finally {
      await broken.close();
    }
  });

  it('sends heartbeat comments while a deployment is still running', async () => {
    // A deployment stored but never queued stays `pending`, so its stream stays open.
    const id = '11111111-2222-4333-8444-555555555555';
    await t.server.repo.createDeployment(
      bareDeployment(id, 'idle', 'waiting', {
        status: 'pending',
        manifestJson: JSON.stringify(validManifest('idle')),
      }),
    );
    const ac = new AbortController();
    const res = await fetch(`${t.url}/api/v1/deployments/${id}/events`, { signal: ac.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const until = Date.now() + 450;
    while (Date.now() < until && (text.match(/: heartbeat/g) ?? []).length < 2) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    ac.abort();
    expect((text.match(/: heartbeat/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('event: done');
  });

  it('rejects a bad Last-Event-ID and unknown deployments with JSON errors', async () => {
    const id = await create('badid');
    const bad = await fetch(`${t.url}/api/v1/deployments/${id}/events`, {
      headers: { 'last-event-id': 'abc' },
    });
    expect(bad.status).toBe(400);
    const unknown = await fetch(
      `${t.url}/api/v1/deployments/00000000-0000-4000-8000-000000000000/events`,
    );
    expect(unknown.status).toBe(404);
  });
});
