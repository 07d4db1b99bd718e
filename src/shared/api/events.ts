// A deployment's progress as Server-Sent Events. EventSource resumes by itself after a drop (it
// sends Last-Event-ID); when it gives up, the hook opens a new stream with ?lastEventId=<last seq>.
// Events are kept by seq, so none is lost or shown twice, and the stream stops at `done`.
import { useEffect, useReducer } from 'react';
import {
  deploymentEventSchema,
  eventsDoneSchema,
  type DeploymentEvent,
  type EventsDone,
} from '../schemas/api';
import { deploymentPath } from './deployments';

/** Delay before reopening a stream the browser gave up on; doubles up to the maximum. */
export const RECONNECT_DELAY_MS = { first: 1000, max: 15_000 } as const;

export type EventsConnection = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface DeploymentEventsState {
  /** Every event received, in seq order, each once. */
  events: readonly DeploymentEvent[];
  connection: EventsConnection;
  /** The final status once the server sent `done`. */
  done: EventsDone | null;
}

type Action =
  | { type: 'event'; event: DeploymentEvent }
  | { type: 'connection'; connection: EventsConnection }
  | { type: 'done'; done: EventsDone }
  | { type: 'reset' };

const INITIAL: DeploymentEventsState = { events: [], connection: 'connecting', done: null };

/** Adds an event unless its seq was already seen (a replay after a reconnect). */
export function addEvent(
  events: readonly DeploymentEvent[],
  event: DeploymentEvent,
): readonly DeploymentEvent[] {
  const last = events[events.length - 1];
  if (!last || event.seq > last.seq) return [...events, event];
  if (events.some((e) => e.seq === event.seq)) return events;
  return [...events, event].sort((a, b) => a.seq - b.seq);
}

function reducer(state: DeploymentEventsState, action: Action): DeploymentEventsState {
  switch (action.type) {
    case 'event': {
      const events = addEvent(state.events, action.event);
      return events === state.events ? state : { ...state, events };
    }
    case 'connection':
      return state.done || state.connection === action.connection
        ? state
        : { ...state, connection: action.connection };
    case 'done':
      return { ...state, done: action.done, connection: 'closed' };
    case 'reset':
      return INITIAL;
  }
}

function parseData<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } },
  data: unknown,
): T | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Live events of a deployment: resumes after drops, never repeats one, closes at `done`. */
export function useDeploymentEvents(id: string): DeploymentEventsState {
  const [state, dispatch] = useReducer(reducer, INITIAL);

  useEffect(() => {
    dispatch({ type: 'reset' });
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastSeq = 0;
    let delay: number = RECONNECT_DELAY_MS.first;
    let finished = false;

    const open = () => {
      const url = deploymentPath(id, 'events') + (lastSeq > 0 ? `?lastEventId=${lastSeq}` : '');
      const es = new EventSource(url);
      source = es;
      es.onopen = () => {
        delay = RECONNECT_DELAY_MS.first;
        dispatch({ type: 'connection', connection: 'open' });
      };
      es.onmessage = (msg) => {
        const event = parseData(deploymentEventSchema, msg.data);
        if (!event) return;
        lastSeq = Math.max(lastSeq, event.seq);
        dispatch({ type: 'event', event });
      };
      es.addEventListener('done', (msg) => {
        const done = parseData(eventsDoneSchema, (msg as MessageEvent).data);
        finished = true;
        es.close();
        if (done) dispatch({ type: 'done', done });
        else dispatch({ type: 'connection', connection: 'closed' });
      });
      es.onerror = () => {
        if (finished) return;
        dispatch({ type: 'connection', connection: 'reconnecting' });
        // CONNECTING: the browser retries by itself (with Last-Event-ID). CLOSED: it gave up.
        if (es.readyState !== EventSource.CLOSED) return;
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, RECONNECT_DELAY_MS.max);
      };
    };

    open();
    return () => {
      finished = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [id]);

  return state;
}
