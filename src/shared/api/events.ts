// A deployment's progress as Server-Sent Events, read with fetch (so the API token goes along).
// After a drop the hook reopens the stream with Last-Event-ID = the last seq it has; events are
// kept by seq, so none is lost or shown twice, and the stream stops at `done`.
import { useEffect, useReducer } from 'react';
import {
  deploymentEventSchema,
  eventsDoneSchema,
  type DeploymentEvent,
  type EventsDone,
} from '../schemas/api';
import { deploymentPath } from './deployments';
import { readEventStream, type SseMessage } from './sse';

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
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastSeq = 0;
    let delay: number = RECONNECT_DELAY_MS.first;
    let finished = false;

    const onMessage = (msg: SseMessage) => {
      if (msg.event === 'done') {
        finished = true;
        abort.abort();
        const done = parseData(eventsDoneSchema, msg.data);
        if (done) dispatch({ type: 'done', done });
        else dispatch({ type: 'connection', connection: 'closed' });
        return;
      }
      const event = parseData(deploymentEventSchema, msg.data);
      if (!event) return;
      lastSeq = Math.max(lastSeq, event.seq);
      dispatch({ type: 'event', event });
    };

    const open = () => {
      readEventStream(deploymentPath(id, 'events'), {
        lastEventId: lastSeq > 0 ? String(lastSeq) : undefined,
        signal: abort.signal,
        onOpen: () => {
          delay = RECONNECT_DELAY_MS.first;
          dispatch({ type: 'connection', connection: 'open' });
        },
        onMessage,
      })
        // A stream that ends without `done` dropped too: reopen it.
        .catch(() => undefined)
        .then(() => {
          if (finished || abort.signal.aborted) return;
          dispatch({ type: 'connection', connection: 'reconnecting' });
          timer = setTimeout(open, delay);
          delay = Math.min(delay * 2, RECONNECT_DELAY_MS.max);
        });
    };

    open();
    return () => {
      finished = true;
      clearTimeout(timer);
      abort.abort();
    };
  }, [id]);

  return state;
}
