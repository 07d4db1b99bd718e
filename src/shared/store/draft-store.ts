// The wizard draft store: only what the user decided (explicit choices, not derived sets),
// persisted to localStorage with a version. A saved draft is read through its migrations and a
// lenient zod parse (read-persisted-draft.ts, loaded on demand) before the store uses it, so a
// stale or tampered one cannot crash the app; what had to be reset is told once (draftNotice).
// Secrets live in secrets-store.ts and are never persisted.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ComponentId } from '../constants/components';
import type { ProviderId, TopologyId } from '../constants/domain';
import type { StepId } from '../constants/steps';
import type { Draft, RegionDraft, StorageDraft } from '../schemas/draft';
import type { DnsDraft } from '../schemas/draft-dns';
import { DRAFT_VERSION, regionsForTopology } from '../lib/draft-defaults';
import { createDraftStorage } from './draft-storage';
import {
  initialPersisted,
  type DraftNotice,
  type LoadedDraft,
  type PersistedDraft,
} from './persisted-draft';

export interface DraftState {
  draft: Draft;
  /** Steps the user has reached; the stepper lets them jump to these. */
  visited: StepId[];
  /** Kept with the draft until a submit succeeds, so a retry reuses it. */
  idempotencyKey: string | null;
  updateInfrastructure: (
    patch: Partial<Omit<Draft['infrastructure'], 'regions' | 'provider' | 'topology'>>,
  ) => void;
  /** Regions kept by position (the pickers use switches.ts, which also says what was reset). */
  setProvider: (provider: ProviderId) => void;
  setTopology: (topology: TopologyId) => void;
  updateRegion: (
    index: number,
    patch: {
      cloudRegion?: string;
      buildingBlocks?: RegionDraft['buildingBlocks'];
      controlPlane?: Partial<RegionDraft['controlPlane']>;
      workers?: Partial<RegionDraft['workers']>;
    },
  ) => void;
  updateSeaweedfs: (patch: Partial<StorageDraft['seaweedfs']>) => void;
  updateTiers: (patch: Partial<StorageDraft['tiers']>) => void;
  updateCold: (patch: Partial<StorageDraft['cold']>) => void;
  updateDns: (patch: Partial<DnsDraft>) => void;
  setChosen: (chosen: readonly ComponentId[]) => void;
  /** A component's changed settings (all of them) or advanced values; `{}` clears them. */
  setComponentConfig: (
    id: ComponentId,
    part: 'settings' | 'values',
    value: Record<string, unknown>,
  ) => void;
  updateBlueprints: (patch: Partial<Draft['blueprints']>) => void;
  markVisited: (step: StepId) => void;
  setIdempotencyKey: (key: string | null) => void;
  replaceDraft: (draft: Draft) => void;
  reset: () => void;
  /** False while a saved draft is being read: the step's fields wait for it. */
  draftLoaded: boolean;
  /** What the last load had to reset in the saved draft; shown until dismissed. */
  draftNotice: DraftNotice | null;
  dismissDraftNotice: () => void;
}

export const DRAFT_STORAGE_KEY = 'catalyst-bootstrap-draft';

/** The persisted part of the state, and only it: no secret, no notice, no loading flag. */
const persistedOf = (s: DraftState): PersistedDraft => ({
  draft: s.draft,
  visited: s.visited,
  idempotencyKey: s.idempotencyKey,
});

const draftStorage = createDraftStorage(() =>
  import('./read-persisted-draft').then((m) => m.readPersistedDraft),
);

/** The draft with another provider (regionsForTopology keeps the regions by position). */
const withProvider = (d: Draft, provider: ProviderId): Draft => ({
  ...d,
  infrastructure: {
    ...d.infrastructure,
    provider,
    regions: regionsForTopology(d.infrastructure.topology, provider, d.infrastructure.regions),
  },
});

/** The draft with another topology (regionsForTopology keeps the regions by position). */
const withTopology = (d: Draft, topology: TopologyId): Draft => ({
  ...d,
  infrastructure: {
    ...d.infrastructure,
    topology,
    regions: regionsForTopology(topology, d.infrastructure.provider, d.infrastructure.regions),
  },
});

/** The region at `index` with `patch` applied (control plane and workers merged field by field). */
const withRegionPatch = (
  d: Draft,
  index: number,
  patch: Parameters<DraftState['updateRegion']>[1],
): Draft => ({
  ...d,
  infrastructure: {
    ...d.infrastructure,
    regions: d.infrastructure.regions.map((r, i) =>
      i !== index
        ? r
        : {
            ...r,
            ...(patch.cloudRegion !== undefined ? { cloudRegion: patch.cloudRegion } : {}),
            ...(patch.buildingBlocks ? { buildingBlocks: patch.buildingBlocks } : {}),
            controlPlane: { ...r.controlPlane, ...patch.controlPlane },
            workers: { ...r.workers, ...patch.workers },
          },
    ),
  },
});

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => {
      const patchDraft = (fn: (d: Draft) => Draft) => set((s) => ({ draft: fn(s.draft) }));
      return {
        ...initialPersisted(),
        draftLoaded: false,
        draftNotice: null,
        updateInfrastructure: (patch) =>
          patchDraft((d) => ({ ...d, infrastructure: { ...d.infrastructure, ...patch } })),
        setProvider: (provider) => patchDraft((d) => withProvider(d, provider)),
        setTopology: (topology) => patchDraft((d) => withTopology(d, topology)),
        updateRegion: (index, patch) => patchDraft((d) => withRegionPatch(d, index, patch)),
        updateSeaweedfs: (patch) =>
          patchDraft((d) => ({
            ...d,
            storage: { ...d.storage, seaweedfs: { ...d.storage.seaweedfs, ...patch } },
          })),
        updateTiers: (patch) =>
          patchDraft((d) => ({
            ...d,
            storage: { ...d.storage, tiers: { ...d.storage.tiers, ...patch } },
          })),
        updateCold: (patch) =>
          patchDraft((d) => ({
            ...d,
            storage: { ...d.storage, cold: { ...d.storage.cold, ...patch } },
          })),
        updateDns: (patch) => patchDraft((d) => ({ ...d, dns: { ...d.dns, ...patch } })),
        setChosen: (chosen) =>
          patchDraft((d) => ({ ...d, components: { ...d.components, chosen: [...chosen] } })),
        setComponentConfig: (id, part, value) =>
          patchDraft((d) => ({
            ...d,
            components: { ...d.components, [part]: { ...d.components[part], [id]: value } },
          })),
        updateBlueprints: (patch) =>
          patchDraft((d) => ({ ...d, blueprints: { ...d.blueprints, ...patch } })),
        markVisited: (step) =>
          set((s) => (s.visited.includes(step) ? s : { visited: [...s.visited, step] })),
        setIdempotencyKey: (idempotencyKey) => set({ idempotencyKey }),
        replaceDraft: (draft) => set({ draft, idempotencyKey: null }),
        // Starting over also drops a notice about the draft that was discarded.
        reset: () => set({ ...initialPersisted(), draftNotice: null }),
        dismissDraftNotice: () => set({ draftNotice: null }),
      };
    },
    {
      name: DRAFT_STORAGE_KEY,
      version: DRAFT_VERSION,
      storage: draftStorage,
      partialize: persistedOf,
      // No `migrate`: zustand calls it only when the versions differ, synchronously, and the
      // parse must run on every load. The storage's read migrates and parses, and hands back a
      // current-version LoadedDraft (or undefined when nothing was saved or it could not load).
      merge: (loaded, current) => ({
        ...current,
        ...(loaded as LoadedDraft | undefined),
        draftLoaded: true,
      }),
      onRehydrateStorage: () => (state) => {
        if (state) draftStorage.settle(DRAFT_STORAGE_KEY, persistedOf(state));
      },
    },
  ),
);
