// Server-Sent Events over fetch: unlike EventSource, a fetch can carry the Authorization header
// (CATALYST_API_TOKEN) and a Last-Event-ID chosen by the caller.
import { createParser } from 'eventsource-parser';
import { apiFetch } from './client';

/** One dispatched SSE message. */
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

/** An incremental SSE parser (eventsource-parser): feed text, get the messages it completed. */
export class SseParser {
  private done: SseMessage[] = [];
  /** The last event ID persists across messages, as in an EventSource. */
  private lastId: string | undefined;
  private readonly parser = createParser({
    onEvent: (e) => {
      if (e.id !== undefined) this.lastId = e.id;
      this.done.push({ id: this.lastId, event: e.event ?? 'message', data: e.data });
    },
  });

  /** Parses a chunk of the stream; returns the messages it completed. */
  push(chunk: string): SseMessage[] {
    this.parser.feed(chunk);
    const out = this.done;
    this.done = [];
    return out;
  }
}

export interface ReadEventStreamOptions {
  /** Resume after this event id (sent as Last-Event-ID). */
  lastEventId?: string;
  signal: AbortSignal;
  onOpen: () => void;
  onMessage: (message: SseMessage) => void;
}

/** How long one stream may stay open before it is reopened (the server sends heartbeats). */
const STREAM_TIMEOUT_MS = 6 * 60 * 60 * 1000;

/** Reads an SSE stream until the server closes it; rejects on a network or HTTP error. */
export async function readEventStream(path: string, opts: ReadEventStreamOptions): Promise<void> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (opts.lastEventId) headers['last-event-id'] = opts.lastEventId;
  const res = await apiFetch(path, { headers, signal: opts.signal, timeoutMs: STREAM_TIMEOUT_MS });
  if (!res.body) throw new Error('The event stream has no body');
  opts.onOpen();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    for (const message of parser.push(value)) opts.onMessage(message);
  }
}
