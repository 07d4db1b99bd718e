// Computes a manifest diff in a module Web Worker (one, started on first use), or, where there
// is no Worker (tests, very old browsers), on the main thread after a dynamic import. Either way
// the diff library stays out of every page's first load.
import { queryOptions } from '@tanstack/react-query';
import type { ManifestDiff } from '../../shared/lib/diff/manifest-diff';
import type { SovereignManifest } from '../../shared/schemas/manifest';

type Reply =
  { id: number; ok: true; diff: ManifestDiff } | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<
  number,
  { resolve: (d: ManifestDiff) => void; reject: (e: Error) => void }
>();

function startWorker(): Worker {
  const w = new Worker(new URL('./diff.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<Reply>) => {
    const pending = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (!pending) return;
    if (e.data.ok) pending.resolve(e.data.diff);
    else pending.reject(new Error(e.data.message));
  };
  w.onerror = () => {
    for (const p of waiting.values()) p.reject(new Error('The diff could not be computed'));
    waiting.clear();
    worker = null;
  };
  return w;
}

async function onMainThread(base: SovereignManifest, next: SovereignManifest) {
  const { manifestDiff } = await import('../../shared/lib/diff/manifest-diff');
  return manifestDiff(base, next);
}

function inWorker(base: SovereignManifest, next: SovereignManifest): Promise<ManifestDiff> {
  worker ??= startWorker();
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, base, next });
  });
}

/** The summary and file diff from `base` to `next`; on the main thread when the worker fails. */
export async function computeDiff(
  base: SovereignManifest,
  next: SovereignManifest,
): Promise<ManifestDiff> {
  if (typeof Worker === 'undefined') return onMainThread(base, next);
  return inWorker(base, next).catch(() => onMainThread(base, next));
}

/** The diff as a query: Review's sections and the compare view share one computation per pair. */
export function manifestDiffQueryOptions(base: SovereignManifest, next: SovereignManifest) {
  return queryOptions({
    queryKey: ['manifest-diff', base, next] as const,
    queryFn: () => computeDiff(base, next),
    staleTime: Infinity,
    gcTime: 30_000,
  });
}
