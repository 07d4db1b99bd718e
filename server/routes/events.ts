// Server-Sent Events of a deployment's progress. Each event's `id:` is its seq; a client resumes
// with Last-Event-ID (or ?lastEventId=) and gets every later event exactly once, read from the
// database. The stream ends with `event: done` once the deployment is final and fully sent.
import type { ServerResponse } from 'node:http';
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

/** One open stream: the last seq sent, and whether it has ended or is being flushed. */
interface Session {
  opts: EventRoutesOptions;
  req: FastifyRequest;
  res: ServerResponse;
  deploymentId: string;
  sent: number;
  closed: boolean;
  busy: boolean;
  /** A flush was asked for while one ran: that one goes round again. */
  again: boolean;
  /** Stops the heartbeat, the poll and the subscription (set by watch()). */
  stop: () => void;
}

/** The stream's headers: the security headers, CORS when the hook set it, no cache or buffer. */
function streamHeaders(reply: FastifyReply): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    ...(reply.getHeader('access-control-allow-origin')
      ? { 'access-control-allow-origin': String(reply.getHeader('access-control-allow-origin')) }
      : {}),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  };
}

/** Takes the response over from Fastify and starts the stream (clients reconnect after 2 s). */
function open(reply: FastifyReply): ServerResponse {
  const res = reply.raw;
  reply.hijack();
  res.writeHead(200, streamHeaders(reply));
  res.write('retry: 2000\n\n');
  return res;
}

/** Writes `chunk` unless the stream has ended; with the buffer full, waits for drain or close. */
async function write(s: Session, chunk: string): Promise<void> {
  if (s.closed) return;
  if (s.res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      s.res.off('drain', done);
      s.res.off('close', done);
      resolve();
    };
    s.res.on('drain', done);
    s.res.on('close', done);
  });
}

/** Ends the stream once. */
function finish(s: Session): void {
  if (s.closed) return;
  s.closed = true;
  s.stop();
  s.res.end();
}

/** Sends every event after `sent`, in batches; false when the stream ended on the way. */
async function sendNewEvents(s: Session): Promise<boolean> {
  for (;;) {
    const events = await eventsAfter(s.opts.repo, s.deploymentId, s.sent, BATCH);
    for (const e of events) {
      if (s.closed) return false;
      await write(s, `id: ${e.seq}\ndata: ${JSON.stringify(e)}\n\n`);
      s.sent = e.seq;
    }
    if (events.length < BATCH) return true;
  }
}

/** Sends `event: done` and ends the stream if the deployment is final and fully sent. */
async function sendDoneIfFinal(s: Session): Promise<boolean> {
  const now = await s.opts.repo.getDeployment(s.deploymentId);
  if (!now || !FINAL_STATUSES.includes(now.status) || now.lastSeq > s.sent || s.closed) {
    return false;
  }
  const done = { status: now.status, statusMessage: now.statusMessage, commit: now.commitSha };
  await write(s, `event: done\ndata: ${JSON.stringify(done)}\n\n`);
  finish(s);
  return true;
}

/** Catches the stream up; one flush at a time, and a flush asked for meanwhile runs after it. */
async function flush(s: Session): Promise<void> {
  if (s.busy) {
    s.again = true;
    return;
  }
  s.busy = true;
  try {
    do {
      s.again = false;
      if (!(await sendNewEvents(s))) return;
      if (await sendDoneIfFinal(s)) return;
    } while (s.again && !s.closed);
  } catch (err) {
    s.req.log.error({ err: String(err) }, 'event stream failed');
    finish(s);
  } finally {
    s.busy = false;
  }
}

/** Flushes on each notification of the deployment and every pollMs; heartbeats every heartbeatMs. */
function watch(s: Session): void {
  const unsubscribe = s.opts.bus.subscribe(s.deploymentId, () => void flush(s));
  const heartbeat = setInterval(() => void write(s, ': heartbeat\n\n'), s.opts.heartbeatMs);
  const poll = setInterval(() => void flush(s), s.opts.pollMs ?? 1000);
  s.stop = () => {
    clearInterval(heartbeat);
    clearInterval(poll);
    unsubscribe();
  };
}

async function stream(
  opts: EventRoutesOptions,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const row = await findDeployment(opts.repo, req);
  const sent = resumeFrom(req);
  const res = open(reply);
  const s: Session = {
    opts,
    req,
    res,
    deploymentId: row.id,
    sent,
    closed: false,
    busy: false,
    again: false,
    stop: () => {},
  };
  watch(s);
  res.on('close', () => finish(s));
  await flush(s);
}

/** Registers GET /api/v1/deployments/:id/events. */
export function eventRoutes(app: FastifyInstance, opts: EventRoutesOptions): void {
  app.get(API.streamEvents.url, (req, reply) => stream(opts, req, reply));
}
