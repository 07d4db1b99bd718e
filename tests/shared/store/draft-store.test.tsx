import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDefaultDraft, DRAFT_VERSION } from '../../../src/shared/lib/draft-defaults';
import { createDraftStorage } from '../../../src/shared/store/draft-storage';
import { DRAFT_STORAGE_KEY, useDraftStore } from '../../../src/shared/store/draft-store';
import { initialPersisted } from '../../../src/shared/store/persisted-draft';
import { readPersistedDraft } from '../../../src/shared/store/read-persisted-draft';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';
import {
  CORRUPTED_DRAFT,
  HOSTILE_RESETS,
  hostileDraft,
  hostileLoaded,
  oldVersionDraft,
  saved,
  savedState,
} from './stored-drafts';

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
});

const stored = () => localStorage.getItem(DRAFT_STORAGE_KEY);
const persistedPart = () => {
  const { draft, visited, idempotencyKey } = useDraftStore.getState();
  return { draft, visited, idempotencyKey };
};

/** Saves `raw` as the draft and loads it the way a page load does. */
async function load(raw: string): Promise<void> {
  localStorage.setItem(DRAFT_STORAGE_KEY, raw);
  await useDraftStore.persist.rehydrate();
}

describe('draft store', () => {
  it('persists the draft under a stable key, without secrets', () => {
    useDraftStore.getState().updateInfrastructure({ sovereignName: 'acme-prod' });
    useSecretsStore.getState().setSecret('providerToken', 'SECRET-TOKEN-VALUE');
    const raw = stored() ?? '';
    expect(JSON.parse(raw)).toMatchObject({
      version: DRAFT_VERSION,
      state: { draft: { infrastructure: { sovereignName: 'acme-prod' } } },
    });
    expect(raw).not.toContain('SECRET-TOKEN-VALUE');
  });

  it('persists only the draft, the visited steps and the idempotency key', () => {
    useDraftStore.getState().updateInfrastructure({ sovereignName: 'acme-prod' });
    expect(Object.keys(JSON.parse(stored() ?? '{}').state)).toEqual([
      'draft',
      'visited',
      'idempotencyKey',
    ]);
  });

  it('setTopology keeps one region per slot', () => {
    useDraftStore.getState().setTopology('citadel');
    expect(useDraftStore.getState().draft.infrastructure.regions).toHaveLength(4);
  });

  it('markVisited adds a step once', () => {
    useDraftStore.getState().markVisited('dns');
    useDraftStore.getState().markVisited('dns');
    expect(useDraftStore.getState().visited).toEqual(['infrastructure', 'dns']);
  });

  it('reset restores the defaults', () => {
    useDraftStore.getState().updateDns({ subdomain: 'acme' });
    useDraftStore.getState().reset();
    expect(useDraftStore.getState().draft).toEqual(createDefaultDraft());
  });
});

describe('loading a saved draft', () => {
  it('loads a current-shape draft unchanged, with no notice', async () => {
    await load(saved(savedState()));
    expect(persistedPart()).toEqual(savedState());
    expect(useDraftStore.getState().draftNotice).toBeNull();
    expect(useDraftStore.getState().draftLoaded).toBe(true);
  });

  it('loads a corrupted draft as the defaults and says it could not be read', async () => {
    useDraftStore.getState().updateInfrastructure({ sovereignName: 'in-memory' });
    await load(CORRUPTED_DRAFT);
    expect(persistedPart()).toEqual(initialPersisted());
    expect(useDraftStore.getState().draftNotice).toEqual({ kind: 'unreadable' });
  });

  it('loads an old-version draft with the missing field filled, one reset', async () => {
    await load(oldVersionDraft());
    expect(persistedPart().draft.infrastructure).toEqual(savedState().draft.infrastructure);
    expect(persistedPart().draft.dns.tlsIssuer).toBe(createDefaultDraft().dns.tlsIssuer);
    expect(useDraftStore.getState().draftNotice).toEqual({ kind: 'reset', fields: 1 });
  });

  it('loads a hostile draft keeping every valid field, and counts the resets', async () => {
    await load(hostileDraft());
    expect(persistedPart()).toEqual(hostileLoaded());
    expect(useDraftStore.getState().draftNotice).toEqual({ kind: 'reset', fields: HOSTILE_RESETS });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('tells it once: the repaired draft is saved, so the next load has no notice', async () => {
    await load(hostileDraft());
    expect(JSON.parse(stored() ?? '{}')).toEqual({
      state: hostileLoaded(),
      version: DRAFT_VERSION,
    });

    await useDraftStore.persist.rehydrate();
    expect(useDraftStore.getState().draftNotice).toBeNull();
    expect(persistedPart()).toEqual(hostileLoaded());
  });

  it('holds writes back while the saved draft is read, so the defaults never replace it', async () => {
    localStorage.setItem(DRAFT_STORAGE_KEY, saved(savedState()));
    const loading = useDraftStore.persist.rehydrate();
    useDraftStore.getState().markVisited('review');
    expect(stored()).toBe(saved(savedState()));
    await loading;
    expect(persistedPart()).toEqual(savedState());
    useDraftStore.getState().markVisited('review');
    expect(JSON.parse(stored() ?? '{}').state.visited).toContain('review');
  });

  it('never saves a secret, also when it saves the repaired draft', async () => {
    useSecretsStore.getState().setSecret('providerToken', 'SECRET-TOKEN-VALUE');
    await load(hostileDraft());
    expect(stored()).not.toContain('SECRET-TOKEN-VALUE');
    expect(stored()).not.toContain('draftNotice');
  });

  it('dismissDraftNotice and reset clear the notice', async () => {
    await load(CORRUPTED_DRAFT);
    useDraftStore.getState().dismissDraftNotice();
    expect(useDraftStore.getState().draftNotice).toBeNull();

    await load(CORRUPTED_DRAFT);
    useDraftStore.getState().reset();
    expect(useDraftStore.getState().draftNotice).toBeNull();
  });
});

describe('createDraftStorage', () => {
  afterEach(() => localStorage.clear());

  it('reads nothing saved synchronously, without loading the parser', () => {
    let loads = 0;
    const storage = createDraftStorage(() => {
      loads += 1;
      return Promise.resolve(readPersistedDraft);
    });
    expect(storage.getItem('k')).toBeNull();
    expect(loads).toBe(0);
  });

  it('keeps the saved draft when the parser cannot load (offline)', async () => {
    localStorage.setItem('k', saved(savedState()));
    const storage = createDraftStorage(() => Promise.reject(new Error('chunk failed')));
    await expect(storage.getItem('k')).resolves.toBeNull();
    storage.setItem('k', { state: initialPersisted(), version: 1 });
    storage.settle('k', initialPersisted());
    expect(localStorage.getItem('k')).toBe(saved(savedState()));
  });
});
