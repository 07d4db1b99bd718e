// The cluster watch after `tofu apply`: every cluster's HelmReleases followed until each component
// placed on it is Ready, an event per change (installing, ready, failed), and a timeout that names
// what is still not ready. A cluster whose API is not up yet (cloud-init still installing k3s,
// Cilium and Flux) is retried every retryMs until the deadline.
import type { ComponentState } from '../../src/shared/constants/domain';
import type { ClusterWatcher, HelmReleaseStatus, ReleaseState } from './cluster-watch';

export interface WatchedCluster {
  name: string;
  watcher: ClusterWatcher;
  /** The HelmRelease names (component ids) Flux installs on it. */
  expected: readonly string[];
}

export interface ComponentChange {
  cluster: string;
  component: string;
  state: ComponentState;
  message: string;
}

export interface WatchResult {
  ready: boolean;
  /** Per cluster, the components not Ready when the watch ended. */
  notReady: Record<string, string[]>;
  timedOut: boolean;
}

const STATE: Record<ReleaseState, ComponentState> = {
  installing: 'installing',
  ready: 'installed',
  failed: 'failed',
};

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

async function watchOne(
  c: WatchedCluster,
  opts: {
    signal: AbortSignal;
    retryMs: number;
    onChange: (c: ComponentChange) => void;
    onError: (cluster: string, err: unknown) => void;
  },
): Promise<Set<string>> {
  const expected = new Set(c.expected);
  const seen = new Map<string, ReleaseState>();
  const pending = () => new Set([...expected].filter((n) => seen.get(n) !== 'ready'));
  const done = new AbortController();
  const stop = () => done.abort();
  opts.signal.addEventListener('abort', stop, { once: true });
  const onEvent = (type: string, r: HelmReleaseStatus) => {
    if (!expected.has(r.name)) return;
    const state: ReleaseState = type === 'DELETED' ? 'installing' : r.state;
    if (seen.get(r.name) === state) return;
    seen.set(r.name, state);
    const word = state === 'ready' ? 'ready' : state === 'failed' ? 'failed' : 'installing';
    opts.onChange({
      cluster: c.name,
      component: r.name,
      state: STATE[state],
      message: `${c.name}: ${r.name} ${word}${state === 'ready' ? '' : ` (${r.message})`}`,
    });
    if (pending().size === 0) done.abort();
  };
  try {
    while (!done.signal.aborted && pending().size > 0) {
      try {
        await c.watcher.watch(done.signal, onEvent);
      } catch (err) {
        if (!done.signal.aborted) opts.onError(c.name, err);
      }
      if (!done.signal.aborted && pending().size > 0) await sleep(opts.retryMs, done.signal);
    }
  } finally {
    opts.signal.removeEventListener('abort', stop);
  }
  return pending();
}

/** Watches every cluster at once until all are Ready, the deadline passes, or `signal` aborts. */
export async function watchClusters(opts: {
  clusters: readonly WatchedCluster[];
  timeoutMs: number;
  retryMs: number;
  signal: AbortSignal;
  onChange: (c: ComponentChange) => void;
  onError: (cluster: string, err: unknown) => void;
}): Promise<WatchResult> {
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), deadline.abort()), opts.timeoutMs);
  const stop = () => deadline.abort();
  opts.signal.addEventListener('abort', stop, { once: true });
  try {
    const left = await Promise.all(
      opts.clusters.map((c) => watchOne(c, { ...opts, signal: deadline.signal })),
    );
    const notReady: Record<string, string[]> = {};
    opts.clusters.forEach((c, i) => {
      const names = [...(left[i] ?? [])].sort();
      if (names.length > 0) notReady[c.name] = names;
    });
    return { ready: Object.keys(notReady).length === 0, notReady, timedOut };
  } finally {
    clearTimeout(timer);
    opts.signal.removeEventListener('abort', stop);
  }
}

/** "acme-hz-fsn1: loki, mimir; acme-hz-nbg1: loki" */
export function describeNotReady(notReady: Record<string, string[]>): string {
  return Object.entries(notReady)
    .map(([cluster, names]) => `${cluster}: ${names.join(', ')}`)
    .join('; ');
}
