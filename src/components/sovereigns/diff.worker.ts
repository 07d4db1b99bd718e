// The manifest diff off the main thread: rendering both repository trees is most of its time.
import { manifestDiff } from '../../shared/lib/diff/manifest-diff';
import type { SovereignManifest } from '../../shared/schemas/manifest';

export interface DiffRequest {
  id: number;
  base: SovereignManifest;
  next: SovereignManifest;
}

self.onmessage = (e: MessageEvent<DiffRequest>) => {
  const { id, base, next } = e.data;
  try {
    self.postMessage({ id, ok: true, diff: manifestDiff(base, next) });
  } catch (err) {
    self.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
