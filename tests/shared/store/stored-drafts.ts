// Saved drafts as localStorage holds them (zustand's `{ state, version }` JSON): a current one,
// an old one, a corrupted one and a hostile one, with what each must load as.
import {
  defaultChosen,
  DRAFT_VERSION,
  regionsForTopology,
} from '../../../src/shared/lib/draft-defaults';
import type { PersistedDraft } from '../../../src/shared/store/persisted-draft';
import { validDraft } from '../lib/manifest-fixtures';

/** A current-shape saved state with values away from the defaults wherever it can. */
export function savedState(): PersistedDraft {
  const draft = validDraft();
  draft.infrastructure.topology = 'solo';
  draft.infrastructure.regions = regionsForTopology('solo', 'hetzner');
  draft.infrastructure.regions[0]!.workers.count = 7;
  draft.storage.tiers = { hotDays: 3, warmDays: 90 };
  draft.dns.tlsIssuer = 'corporate-ca';
  draft.dns.dnssec = false;
  draft.components.chosen = defaultChosen().slice(0, 2);
  return { draft, visited: ['infrastructure', 'storage', 'dns'], idempotencyKey: 'key-1' };
}

export const saved = (state: unknown, version = DRAFT_VERSION): string =>
  JSON.stringify({ state, version });

/** Version 0 (saved before the store set a version), without dns.tlsIssuer: one field reset. */
export function oldVersionDraft(): string {
  const state = savedState();
  const { tlsIssuer: _dropped, ...dns } = state.draft.dns;
  return saved({ ...state, draft: { ...state.draft, dns } }, 0);
}

export const CORRUPTED_DRAFT = '{"state":{"draft":{"infrastructure":';

/**
 * A tampered draft: an unknown provider, an unknown step, regions as a string, a 10,000-element
 * chosen list of which two ids are known, and `__proto__` keys. Four fields are reset
 * (provider, regions, chosen, visited); everything else is kept.
 */
export function hostileDraft(): string {
  const state = savedState();
  const known = state.draft.components.chosen;
  const hostile = {
    ...state,
    draft: {
      ...state.draft,
      infrastructure: { ...state.draft.infrastructure, provider: 'digitalocean', regions: 'fsn1' },
      components: { chosen: [...known, ...Array.from({ length: 9_998 }, (_, i) => `nope-${i}`)] },
    },
    visited: ['nope'],
  };
  // JSON.parse makes "__proto__" an own key; a merge that copies keys would set a prototype.
  return saved(hostile).replace(
    '"draft":{',
    '"__proto__":{"polluted":true},"draft":{"__proto__":{"polluted":true},',
  );
}

export const HOSTILE_RESETS = 4;

/** What the hostile draft must load as. */
export function hostileLoaded(): PersistedDraft {
  const state = savedState();
  state.draft.infrastructure.regions = regionsForTopology('solo', 'hetzner');
  state.visited = ['infrastructure'];
  return state;
}
