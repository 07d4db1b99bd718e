// What the phases of one tofu run share: where the run is (RunState), how it ends early (StepFailed,
// Cancelled), the event shape, batched event writes, and the cancel signal linked to the status.
import type { NewEvent } from '../db/repository';
import type { ExecutorContext } from '../executor-types';
import type { ApplyProgress, TofuDiagnostic } from './stream';

export type Phase = NewEvent['phase'];

export const ev = (phase: Phase, message: string, extra: Partial<NewEvent> = {}): NewEvent => ({
  time: new Date().toISOString(),
  phase,
  level: 'info',
  message,
  ...extra,
});

/** A tofu command that exited non-zero: its diagnostics, summarised. */
export class StepFailed extends Error {
  constructor(
    readonly step: string,
    readonly summary: string,
    readonly diagnostics: readonly TofuDiagnostic[],
  ) {
    super(`tofu ${step} failed: ${summary}`);
  }
}
export class Cancelled extends Error {}

/** Where the run is, for the final sentence. */
export interface RunState {
  dir: string;
  progress: ApplyProgress;
  secrets: string[];
  /** The kubeconfig callback's base URL handed to the module, or undefined (no callback). */
  callbackUrl: string | undefined;
}

/** An AbortController aborted by the context's signal or, polled every second, a cancelled status. */
export function linkCancel(ctx: ExecutorContext): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const onAbort = () => ac.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  if (ctx.signal.aborted) onAbort();
  const poll = setInterval(() => {
    ctx.isCancelled().then(
      (c) => c && ac.abort('cancel'),
      () => undefined,
    );
  }, 1000);
  poll.unref();
  return {
    signal: ac.signal,
    dispose: () => {
      clearInterval(poll);
      ctx.signal.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Events written in order, many per write: while one write runs, the next ones gather and go in
 * the following one (a run makes hundreds; one transaction each would be slow on fsync'd SQLite).
 */
export function batched(write: (events: NewEvent[]) => Promise<void>) {
  let pending: NewEvent[] = [];
  let chain = Promise.resolve();
  let scheduled = false;
  return {
    report(e: NewEvent) {
      pending.push(e);
      if (scheduled) return;
      scheduled = true;
      chain = chain.then(() => {
        scheduled = false;
        const events = pending;
        pending = [];
        return write(events);
      });
    },
    flushed: () => chain,
  };
}
