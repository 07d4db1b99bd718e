// A file tree as zip bytes (fflate), deterministic: fixed timestamps, entries in path order.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { TextFile } from './text-file';

/** A fixed entry time, so the same tree always gives the same bytes. */
const EPOCH = new Date(Date.UTC(2000, 0, 1));

/** Packs text files into a zip archive; throws on an absolute or `..` path. */
export function zipFiles(files: readonly TextFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (f.path.startsWith('/') || f.path.split('/').includes('..'))
      throw new Error(`unsafe path in archive: ${f.path}`);
    entries[f.path] = [strToU8(f.content), { mtime: EPOCH, level: 6 }];
  }
  return zipSync(entries);
}
