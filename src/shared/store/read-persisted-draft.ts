// Reads what localStorage holds for the draft store: JSON, then the version's migrations, then
// the lenient parse. It loads on demand (it brings zod, kept out of the first page) and is
// pure: text in, the state to use and the notice to show out. It never throws.
import { draftMigrationStart, migrateDraftState } from './draft-migrations';
import { readLenient } from './lenient-draft';
import { initialPersisted, type LoadedDraft } from './persisted-draft';

interface Envelope {
  state: Record<string, unknown>;
  version: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** zustand's `{ state, version }`, or null when the text is not JSON of that form. */
function parseEnvelope(raw: string): Envelope | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(json) || !isRecord(json.state)) return null;
  return { state: json.state, version: draftMigrationStart(json.version) };
}

/** The stored draft brought up to the current version, with a notice when it did not fit as it was. */
export function readPersistedDraft(raw: string): LoadedDraft {
  const envelope = parseEnvelope(raw);
  if (!envelope) return unreadable();
  try {
    const { value, resets } = readLenient(migrateDraftState(envelope.state, envelope.version));
    return { ...value, draftNotice: resets > 0 ? { kind: 'reset', fields: resets } : null };
  } catch {
    // Not expected (every field has a default), but a load must never stop the app.
    return unreadable();
  }
}

function unreadable(): LoadedDraft {
  return { ...initialPersisted(), draftNotice: { kind: 'unreadable' } };
}
