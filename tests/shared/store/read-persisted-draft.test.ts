import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPONENT_IDS } from '../../../src/shared/constants/components';
import { getTopology, PROVIDER_IDS } from '../../../src/shared/constants/domain';
import { STEP_IDS } from '../../../src/shared/constants/steps';
import { createDefaultDraft, DRAFT_VERSION } from '../../../src/shared/lib/draft-defaults';
import { MIGRATIONS } from '../../../src/shared/store/draft-migrations';
import { draftNoticeText, initialPersisted } from '../../../src/shared/store/persisted-draft';
import { readPersistedDraft } from '../../../src/shared/store/read-persisted-draft';
import { draftArb } from '../lib/manifest-fixtures';
import {
  CORRUPTED_DRAFT,
  HOSTILE_RESETS,
  hostileDraft,
  hostileLoaded,
  oldVersionDraft,
  saved,
  savedState,
} from './stored-drafts';

/** The leaves of a state, a list (regions, chosen, visited) counting as one field. */
const fieldCount = (value: unknown): number =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.values(value).reduce<number>((n, v) => n + fieldCount(v), 0)
    : 1;

describe('readPersistedDraft', () => {
  it('loads a current-shape draft unchanged, without a notice', () => {
    expect(readPersistedDraft(saved(savedState()))).toEqual({
      ...savedState(),
      draftNotice: null,
    });
  });

  it('loads every valid draft unchanged', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const state = { draft, visited: [...STEP_IDS], idempotencyKey: null };
        expect(readPersistedDraft(saved(state))).toEqual({ ...state, draftNotice: null });
      }),
    );
  });

  it('keeps an unfinished draft as the user left it: invalid content is not a reset', () => {
    const state = initialPersisted();
    state.draft.infrastructure.sovereignName = 'A';
    state.draft.infrastructure.organization.email = 'not-an-email';
    state.draft.storage.tiers = { hotDays: 400, warmDays: 2 };
    state.draft.dns.subdomain = '-bad-';
    // An emptied number input holds NaN, which JSON saves as null.
    state.draft.infrastructure.regions[0]!.workers.count = NaN;
    state.draft.infrastructure.regions[1]!.buildingBlocks = [];
    state.draft.components.chosen = [];

    const loaded = readPersistedDraft(saved(state));

    expect(loaded.draftNotice).toBeNull();
    expect(loaded.draft).toEqual(state.draft);
    expect(loaded.draft.infrastructure.regions[0]!.workers.count).toBeNaN();
  });

  it('resets a corrupted (invalid JSON) draft and says it could not be read', () => {
    expect(readPersistedDraft(CORRUPTED_DRAFT)).toEqual({
      ...initialPersisted(),
      draftNotice: { kind: 'unreadable' },
    });
  });

  it.each([
    ['JSON that is not an object', '[1,2]'],
    ['null', 'null'],
    ['an envelope without a state', '{"version":1}'],
    ['a state that is not an object', '{"state":"draft","version":1}'],
  ])('treats %s as unreadable', (_label, raw) => {
    expect(readPersistedDraft(raw).draftNotice).toEqual({ kind: 'unreadable' });
  });

  it('migrates an old-version draft, fills the missing field and reports one reset', () => {
    const loaded = readPersistedDraft(oldVersionDraft());

    expect(loaded.draftNotice).toEqual({ kind: 'reset', fields: 1 });
    const expected = savedState();
    expected.draft.dns.tlsIssuer = createDefaultDraft().dns.tlsIssuer;
    expect({ ...loaded, draftNotice: null }).toEqual({ ...expected, draftNotice: null });
  });

  it('migrates a version-1 draft to the blueprint registry default without calling it a reset', () => {
    const state = savedState();
    const { blueprints: _none, ...draft } = state.draft;
    const loaded = readPersistedDraft(saved({ ...state, draft }, 1));
    expect(loaded.draftNotice).toBeNull();
    expect(loaded.draft.blueprints).toEqual(createDefaultDraft().blueprints);
  });

  it('counts each field of a missing section: an empty state is every field reset', () => {
    const loaded = readPersistedDraft(saved({}));
    expect({ ...loaded, draftNotice: null }).toEqual({ ...initialPersisted(), draftNotice: null });
    expect(loaded.draftNotice).toEqual({ kind: 'reset', fields: fieldCount(initialPersisted()) });
    expect(fieldCount(initialPersisted())).toBeGreaterThan(30);
  });

  it('keeps every valid field of a hostile draft and reports the four it reset', () => {
    const loaded = readPersistedDraft(hostileDraft());

    expect(loaded.draftNotice).toEqual({ kind: 'reset', fields: HOSTILE_RESETS });
    expect({ ...loaded, draftNotice: null }).toEqual({ ...hostileLoaded(), draftNotice: null });
  });

  it('copies no __proto__ key: no prototype is set, none is polluted', () => {
    const loaded = readPersistedDraft(hostileDraft());

    expect(Object.getPrototypeOf(loaded)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(loaded.draft)).toBe(Object.prototype);
    expect(Object.hasOwn(loaded.draft, '__proto__')).toBe(false);
    expect((loaded.draft as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cuts a 10,000-region list to the topology and reports it once', () => {
    const state = savedState();
    const region = state.draft.infrastructure.regions[0]!;
    const raw = saved({
      ...state,
      draft: {
        ...state.draft,
        infrastructure: { ...state.draft.infrastructure, regions: Array(10_000).fill(region) },
      },
    });

    const loaded = readPersistedDraft(raw);

    expect(loaded.draft.infrastructure.regions).toEqual([region]);
    expect(loaded.draftNotice).toEqual({ kind: 'reset', fields: 1 });
  });

  it('turns any JSON state into a draft the wizard can render, without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (state, version) => {
        const loaded = readPersistedDraft(JSON.stringify({ state, version }));
        const infra = loaded.draft.infrastructure;
        expect(PROVIDER_IDS).toContain(infra.provider);
        expect(infra.regions).toHaveLength(getTopology(infra.topology).regions.length);
        expect(loaded.visited.every((s) => STEP_IDS.includes(s))).toBe(true);
        expect(loaded.draft.components.chosen.every((c) => COMPONENT_IDS.includes(c))).toBe(true);
      }),
    );
  });
});

describe('draft migrations', () => {
  it('has one migration for every version before the current one', () => {
    const versions = Array.from({ length: DRAFT_VERSION }, (_, v) => v);
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual(versions);
  });
});

describe('draftNoticeText', () => {
  it('names the count of reset fields, in the singular for one', () => {
    expect(draftNoticeText({ kind: 'reset', fields: 1 })).toBe(
      'Your saved draft was from an older version: 1 field was reset.',
    );
    expect(draftNoticeText({ kind: 'reset', fields: 4 })).toBe(
      'Your saved draft was from an older version: 4 fields were reset.',
    );
    expect(draftNoticeText({ kind: 'unreadable' })).toBe(
      'Your saved draft could not be read and was reset.',
    );
  });
});
