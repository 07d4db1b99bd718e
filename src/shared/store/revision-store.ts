// Revision mode: the Sovereign revision the wizard's draft is being edited from (its name, number
// and manifest), and whether the server keeps the stored secrets. A slice of its own beside the
// draft store, persisted under its own key, so the draft's version and migrations stay untouched.
// Zod-free (the first page imports it): a saved base is shape-checked by hand and dropped when odd.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { SovereignManifest } from '../schemas/manifest';

/** The revision the draft changes: the latest one of the Sovereign when the draft was opened. */
export interface RevisionBase {
  name: string;
  revision: number;
  manifest: SovereignManifest;
}

interface RevisionState {
  base: RevisionBase | null;
  /** Submit with `keepSecrets=true`: secrets left empty are the ones the server stores. */
  keepSecrets: boolean;
  setBase: (base: RevisionBase | null) => void;
  setKeepSecrets: (keep: boolean) => void;
}

export const REVISION_STORAGE_KEY = 'catalyst-bootstrap-revision';

/** Why the name, the provider and an existing region's location are locked in revision mode. */
export const LOCK_REASON = 'Fixed after creation: changing it would recreate the cluster';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A saved base when it has the shape this code reads (the Review parses the manifest fully). */
export function readBase(v: unknown): RevisionBase | null {
  if (!isRecord(v) || typeof v.name !== 'string' || !Number.isInteger(v.revision)) return null;
  const spec = isRecord(v.manifest) && isRecord(v.manifest.spec) ? v.manifest.spec : null;
  const infra = spec && isRecord(spec.infrastructure) ? spec.infrastructure : null;
  if (!infra || typeof infra.provider !== 'string' || !Array.isArray(infra.regions)) return null;
  return v as unknown as RevisionBase;
}

export const useRevisionStore = create<RevisionState>()(
  persist(
    (set) => ({
      base: null,
      keepSecrets: false,
      setBase: (base) => set({ base, keepSecrets: false }),
      setKeepSecrets: (keepSecrets) => set({ keepSecrets }),
    }),
    {
      name: REVISION_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ base: s.base, keepSecrets: s.keepSecrets }),
      merge: (saved, current) => {
        const s = isRecord(saved) ? saved : {};
        const base = readBase(s.base);
        return { ...current, base, keepSecrets: base !== null && s.keepSecrets === true };
      },
    },
  ),
);

/**
 * Why a draft field cannot change in revision mode, or undefined: the Sovereign name, the
 * provider and the cloud region of every region the base already has.
 */
export function lockReason(base: RevisionBase | null, path: string): string | undefined {
  if (!base) return undefined;
  if (path === 'infrastructure.sovereignName' || path === 'infrastructure.provider')
    return LOCK_REASON;
  const m = /^infrastructure\.regions\.(\d+)\.cloudRegion$/.exec(path);
  return m && Number(m[1]) < base.manifest.spec.infrastructure.regions.length
    ? LOCK_REASON
    : undefined;
}

/** The lock reason of a draft field (see lockReason), for the field to disable itself. */
export function useLockReason(path: string): string | undefined {
  return useRevisionStore((s) => lockReason(s.base, path));
}

/**
 * `problems` without the ones about secrets left empty while the server keeps the stored ones
 * (`keep`): an empty secret then means "the stored value", not a missing one.
 */
export function withoutKeptSecrets<P extends { path: string | null }>(
  problems: readonly P[],
  secrets: Readonly<Record<string, string>>,
  keep: boolean,
): readonly P[] {
  if (!keep) return problems;
  const kept = (p: P) => p.path?.startsWith('secrets.') && secrets[p.path.slice(8)] === '';
  return problems.some(kept) ? problems.filter((p) => !kept(p)) : problems;
}
