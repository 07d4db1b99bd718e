// Server-Sent Events of a deployment's progress. Each event's `id:` is its seq; a client resumes
// with Last-Event-ID (or ?lastEventId=) and gets every later event exactly once, read from the
// database. The stream ends with `event: done` once the deployment is final and fully sent.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FINAL_STATUSES } from '../../src/shared/schemas/api';
import { API, parseHeaders, parseQuery } from '../api-spec';
import type { Repository } from '../db/repository';
import { eventsAfter } from '../deployments-service';
import type { EventBus } from '../event-bus';
import { SECURITY_HEADERS } from '../security';
import { findDeployment } from './deployments';

export interface EventRoutesOptions {
  repo: Repository;
  bus: EventBus;
  heartbeatMs: number;
  /** Re-reads the database this often even without a notification (other processes may write). */
  pollMs?: number;
}

const BATCH = 500;

/**
 * The seq to resume after: Last-Event-ID when given and not empty (the query is then not read),
 * else ?lastEventId, else 0.
 */
function resumeFrom(req: FastifyRequest): number {
  const header = req.headers['last-event-id'];
  if (typeof header === 'string' && header !== '') {
    return parseHeaders(API.streamEvents, req)['Last-Event-ID'] ?? 0;
  }
  return parseQuery(API.streamEvents, req).lastEventId ?? 0;
}

async function stream(
  opts: EventRoutesOptions,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const row = await findDeployment(opts.repo, req);
  let sent = resumeFrom(req);
  const res = reply.raw;
  reply.hijack();
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    ...(reply.getHeader('access-control-allow-origin')
      ? { 'access-control-allow-origin': String(reply.getHeader('access-control-allow-origin')) }
      : {}),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');

  let closed = false;
  let busy = false;
  let again = false;
  const write = async (chunk: string) => {
    if (closed) return;
    if (res.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    clearInterval(poll);
    unsubscribe();
    res.end();
  };
  const flush = async (): Promise<void> => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        for (;;) {
          const events = await eventsAfter(opts.repo, row.id, sent, BATCH);
          for (const e of events) {
            if (closed) return;
            await write(`id: ${e.seq}\ndata: ${JSON.stringify(e)}\n\n`);
            sent = e.seq;
          }
          if (events.length < BATCH) break;
        }
        const now = await opts.repo.getDeployment(row.id);
        if (now && FINAL_STATUSES.includes(now.status) && now.lastSeq <= sent && !closed) {
          const done = {
            status: now.status,
            statusMessage: now.statusMessage,
            commit: now.commitSha,
          };
          await write(`event: done\ndata: ${JSON.stringify(done)}\n\n`);
          finish();
          return;
        }
      } while (again && !closed);
    } catch (err) {
      req.log.error({ err: String(err) }, 'event stream failed');
      finish();
    } finally {
      busy = false;
    }
  };
  const unsubscribe = opts.bus.subscribe(row.id, () => void flush());
  const heartbeat = setInterval(() => void write(': heartbeat\n\n'), opts.heartbeatMs);
  const poll = setInterval(() => void flush(), opts.pollMs ?? 1000);
  res.on('close', finish);
  await flush();
}

/** Registers GET /api/v1/deployments/:id/events. */
export function eventRoutes(app: FastifyInstance, opts: EventRoutesOptions): void {
  app.get(API.streamEvents.url, (req, reply) => stream(opts, req, reply));
}
