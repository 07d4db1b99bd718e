// The wizard draft store: only what the user decided (explicit choices, not derived sets),
// persisted to localStorage with a version and a migrate function. Secrets live in
// secrets-store.ts and are never persisted.
import { create } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
import type { ComponentId } from '../constants/components';
import type { ProviderId, TopologyId } from '../constants/domain';
import type { StepId } from '../constants/steps';
import type { Draft, DnsDraft, RegionDraft, StorageDraft } from '../schemas/draft';
import { DRAFT_VERSION, createDefaultDraft, regionsForTopology } from '../lib/draft-defaults';

export interface DraftState {
  draft: Draft;
  /** Steps the user has reached; the stepper lets them jump to these. */
  visited: StepId[];
  /** Kept with the draft until a submit succeeds, so a retry reuses it. */
  idempotencyKey: string | null;
  updateInfrastructure: (
    patch: Partial<Omit<Draft['infrastructure'], 'regions' | 'provider' | 'topology'>>,
  ) => void;
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
  markVisited: (step: StepId) => void;
  setIdempotencyKey: (key: string | null) => void;
  replaceDraft: (draft: Draft) => void;
  reset: () => void;
}

export const DRAFT_STORAGE_KEY = 'catalyst-bootstrap-draft';

type Persisted = Pick<DraftState, 'draft' | 'visited' | 'idempotencyKey'>;

function deepMerge<T>(base: T, value: unknown): T {
  if (Array.isArray(base) || typeof base !== 'object' || base === null) {
    return (value === undefined ? base : value) as T;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(value)) {
    out[k] = k in out ? deepMerge(out[k], v) : v;
  }
  return out as T;
}

/** Brings a persisted state of any earlier version up to the current one, keeping what the user typed. */
export function migrateDraftState(persisted: unknown, _version: number): Persisted {
  const p = (persisted ?? {}) as Partial<Persisted>;
  return {
    draft: deepMerge(createDefaultDraft(), p.draft),
    visited: Array.isArray(p.visited) ? p.visited : ['infrastructure'],
    idempotencyKey: typeof p.idempotencyKey === 'string' ? p.idempotencyKey : null,
  };
}

const initial = (): Persisted => ({
  draft: createDefaultDraft(),
  visited: ['infrastructure'],
  idempotencyKey: null,
});

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => {
      const patchDraft = (fn: (d: Draft) => Draft) => set((s) => ({ draft: fn(s.draft) }));
      return {
        ...initial(),
        updateInfrastructure: (patch) =>
          patchDraft((d) => ({ ...d, infrastructure: { ...d.infrastructure, ...patch } })),
        setProvider: (provider) =>
          patchDraft((d) => ({
            ...d,
            infrastructure: {
              ...d.infrastructure,
              provider,
              regions: regionsForTopology(
                d.infrastructure.topology,
                provider,
                d.infrastructure.regions,
              ),
            },
          })),
        setTopology: (topology) =>
          patchDraft((d) => ({
            ...d,
            infrastructure: {
              ...d.infrastructure,
              topology,
              regions: regionsForTopology(
                topology,
                d.infrastructure.provider,
                d.infrastructure.regions,
              ),
            },
          })),
        updateRegion: (index, patch) =>
          patchDraft((d) => ({
            ...d,
            infrastructure: {
              ...d.infrastructure,
              regions: d.infrastructure.regions.map((r, i) =>
                i !== index
                  ? r
                  : {
                      ...r,
                      ...(patch.cloudRegion !== undefined
                        ? { cloudRegion: patch.cloudRegion }
                        : {}),
                      ...(patch.buildingBlocks ? { buildingBlocks: patch.buildingBlocks } : {}),
                      controlPlane: { ...r.controlPlane, ...patch.controlPlane },
                      workers: { ...r.workers, ...patch.workers },
                    },
              ),
            },
          })),
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
        setChosen: (chosen) => patchDraft((d) => ({ ...d, components: { chosen: [...chosen] } })),
        markVisited: (step) =>
          set((s) => (s.visited.includes(step) ? s : { visited: [...s.visited, step] })),
        setIdempotencyKey: (idempotencyKey) => set({ idempotencyKey }),
        replaceDraft: (draft) => set({ draft, idempotencyKey: null }),
        reset: () => set(initial()),
      };
    },
    {
      name: DRAFT_STORAGE_KEY,
      version: DRAFT_VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): Persisted => ({
        draft: s.draft,
        visited: s.visited,
        idempotencyKey: s.idempotencyKey,
      }),
      migrate: migrateDraftState,
      merge: (persisted, current) => ({
        ...current,
        ...migrateDraftState(persisted, DRAFT_VERSION),
      }),
    },
  ),
);
