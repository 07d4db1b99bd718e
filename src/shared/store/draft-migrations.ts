// One migration per persisted version: MIGRATIONS[n] turns a state saved at version n into
// version n + 1. Changing the draft's shape bumps DRAFT_VERSION in lib/draft-defaults.ts and
// adds its entry here: a rename or a move carries the user's value over, and a new field is
// filled here with its default. Without an entry the lenient parse still fills a new field,
// but counts it as reset and tells the user so, though they had never set it.
import { createDefaultDraft, DRAFT_VERSION } from '../lib/draft-defaults';

export type Migration = (state: unknown) => unknown;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 0 is zustand's version for a state saved without one. The store has written version 1
  // since its first commit, with the same shape, so there is nothing to move.
  0: (state) => state,
  // 2 adds the blueprint registry (draft.blueprints): drafts from before take the default.
  1: (state) => {
    if (!isRecord(state) || !isRecord(state.draft) || 'blueprints' in state.draft) return state;
    return { ...state, draft: { ...state.draft, blueprints: createDefaultDraft().blueprints } };
  },
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored version as a migration start: anything but a whole number ≥ 0 counts as the oldest. */
export function draftMigrationStart(version: unknown): number {
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

/**
 * Runs the migrations from `from` up to DRAFT_VERSION in order. A state from a newer version
 * (the app was rolled back) runs none: the lenient parse keeps what the current shape knows.
 */
export function migrateDraftState(state: unknown, from: number): unknown {
  let out = state;
  for (let v = from; v < DRAFT_VERSION; v += 1) out = (MIGRATIONS[v] ?? ((s) => s))(out);
  return out;
}
