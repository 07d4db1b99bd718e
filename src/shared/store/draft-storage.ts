// The draft store's localStorage adapter. Reading a saved draft needs the zod parser, which is
// not in the first page's bundle, so a read is asynchronous; until the store holds what was
// read, writes are held back, or the defaults the store starts with would replace the saved
// draft before it is read. Nothing saved reads synchronously, as before.
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { DRAFT_VERSION } from '../lib/draft-defaults';
import type { LoadedDraft, PersistedDraft } from './persisted-draft';

export type DraftReader = (raw: string) => LoadedDraft;

export interface DraftStorage extends PersistStorage<PersistedDraft> {
  /** The store now holds what was read: save it (repaired, so a notice shows once) and let writes through. */
  settle: (name: string, state: PersistedDraft) => void;
}

// localStorage can be missing or throw (disabled, private mode, full): the draft then lives in
// memory only, as zustand's own JSON storage would do.
function readRaw(name: string): string | null {
  try {
    return localStorage.getItem(name);
  } catch {
    return null;
  }
}

function writeRaw(name: string, value: StorageValue<PersistedDraft>): void {
  try {
    localStorage.setItem(name, JSON.stringify(value));
  } catch {
    // See readRaw.
  }
}

/**
 * A storage that parses the saved draft with the reader `loadReader` brings. `held` is true
 * while a read is under way, and stays true when the reader could not load (offline): the
 * saved draft is then kept for the next visit rather than replaced by the defaults.
 */
export function createDraftStorage(loadReader: () => Promise<DraftReader>): DraftStorage {
  let held = false;
  // A read succeeded: settle() saves what the store then holds (once) and ends the hold.
  let settling = false;
  return {
    getItem: (name) => {
      const raw = readRaw(name);
      if (raw === null) return null;
      held = true;
      return loadReader().then(
        (read) => {
          settling = true;
          return { state: read(raw), version: DRAFT_VERSION };
        },
        () => null,
      );
    },
    setItem: (name, value) => {
      if (!held) writeRaw(name, value);
    },
    removeItem: (name) => {
      try {
        localStorage.removeItem(name);
      } catch {
        // See readRaw.
      }
    },
    settle: (name, state) => {
      if (!settling) return;
      settling = false;
      held = false;
      writeRaw(name, { state, version: DRAFT_VERSION });
    },
  };
}
