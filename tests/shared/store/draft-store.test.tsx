import { beforeEach, describe, expect, it } from 'vitest';
import { createDefaultDraft } from '../../../src/shared/lib/draft-defaults';
import {
  DRAFT_STORAGE_KEY,
  migrateDraftState,
  useDraftStore,
} from '../../../src/shared/store/draft-store';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
});

describe('draft store', () => {
  it('persists the draft under a stable key, without secrets', () => {
    useDraftStore.getState().updateInfrastructure({ sovereignName: 'acme-prod' });
    useSecretsStore.getState().setSecret('providerToken', 'SECRET-TOKEN-VALUE');
    const raw = localStorage.getItem(DRAFT_STORAGE_KEY) ?? '';
    expect(JSON.parse(raw)).toMatchObject({
      version: 1,
      state: { draft: { infrastructure: { sovereignName: 'acme-prod' } } },
    });
    expect(raw).not.toContain('SECRET-TOKEN-VALUE');
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

describe('migrateDraftState', () => {
  it('fills fields missing from an older state and keeps what the user typed', () => {
    const migrated = migrateDraftState(
      {
        draft: { infrastructure: { sovereignName: 'old-name' } },
        visited: ['infrastructure', 'storage'],
      },
      0,
    );
    expect(migrated.draft.infrastructure.sovereignName).toBe('old-name');
    expect(migrated.draft.storage).toEqual(createDefaultDraft().storage);
    expect(migrated.visited).toEqual(['infrastructure', 'storage']);
    expect(migrated.idempotencyKey).toBeNull();
  });

  it('survives garbage', () => {
    expect(migrateDraftState(null, 0).draft).toEqual(createDefaultDraft());
    expect(migrateDraftState('nonsense', 0).visited).toEqual(['infrastructure']);
  });
});
