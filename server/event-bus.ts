// In-process notification that a deployment has new events; SSE streams wake on it and read the
// database (the source of truth), so a missed notification delays but never loses an event.
import { EventEmitter } from 'node:events';
import type { Repository } from './db/repository';

export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  notify(deploymentId: string): void {
    this.emitter.emit(deploymentId);
  }

  /** Calls `fn` whenever the deployment changes; returns the unsubscribe function. */
  subscribe(deploymentId: string, fn: () => void): () => void {
    this.emitter.on(deploymentId, fn);
    return () => this.emitter.off(deploymentId, fn);
  }
}

/** The repository, with a bus notification after every committed append. */
export function notifying(repo: Repository, bus: EventBus): Repository {
  return {
    ...repo,
    appendEvents: async (id, events, update) => {
      const seq = await repo.appendEvents(id, events, update);
      bus.notify(id);
      return seq;
    },
  };
}
