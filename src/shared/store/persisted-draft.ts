// What the draft store keeps in localStorage, and the one-shot notice a load can leave for the
// user. Zod-free: the store and the first page import it, the parser (read-persisted-draft.ts)
// loads on demand.
import type { StepId } from '../constants/steps';
import { createDefaultDraft } from '../lib/draft-defaults';
import type { Draft } from '../schemas/draft';

/** The persisted part of the draft store: never a secret (those live in secrets-store.ts). */
export interface PersistedDraft {
  draft: Draft;
  visited: StepId[];
  idempotencyKey: string | null;
}

/** Why the saved draft did not load as it was: unreadable JSON, or `fields` values reset. */
export type DraftNotice = { kind: 'unreadable' } | { kind: 'reset'; fields: number };

/** A read of the saved draft: the persisted fields to use and what to tell the user, if anything. */
export interface LoadedDraft extends PersistedDraft {
  draftNotice: DraftNotice | null;
}

/** A fresh start: the default draft, on its first step, with no submission in flight. */
export function initialPersisted(): PersistedDraft {
  return { draft: createDefaultDraft(), visited: ['infrastructure'], idempotencyKey: null };
}

/** The sentence the wizard shows for a notice. */
export function draftNoticeText(notice: DraftNotice): string {
  if (notice.kind === 'unreadable') return 'Your saved draft could not be read and was reset.';
  const fields = notice.fields === 1 ? '1 field was' : `${notice.fields} fields were`;
  return `Your saved draft was from an older version: ${fields} reset.`;
}
