// Server-Sent Events over fetch: unlike EventSource, a fetch can carry the Authorization header
// (CATALYST_API_TOKEN) and a Last-Event-ID chosen by the caller.
import { apiFetch } from './client';

/** One dispatched SSE message. */
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

/** An incremental SSE parser (WHATWG event-stream format): feed text, get complete messages. */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;

  /** Parses a chunk of the stream; returns the messages it completed. */
  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    let nl: number;
    while ((nl = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, nl);
      const width = this.buffer.startsWith('\r\n', nl) ? 2 : 1;
      this.buffer = this.buffer.slice(nl + width);
      if (line === '') {
        if (this.data.length > 0) {
          out.push({ id: this.id, event: this.event || 'message', data: this.data.join('\n') });
        }
        this.data = [];
        this.event = '';
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') this.data.push(value);
      else if (field === 'event') this.event = value;
      else if (field === 'id' && !value.includes('\0')) this.id = value;
    }
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
