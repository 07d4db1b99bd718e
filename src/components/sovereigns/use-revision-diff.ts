import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { buildManifest } from '../../shared/lib/manifest/build';
import { useDraftStore } from '../../shared/store/draft-store';
import type { RevisionBase } from '../../shared/store/revision-store';
import { manifestDiffQueryOptions } from './compute-diff';

/** The draft's change against its base revision, computed off the main thread (one per draft). */
export function useRevisionDiff(base: RevisionBase) {
  const draft = useDraftStore((s) => s.draft);
  const next = useMemo(() => buildManifest(draft), [draft]);
  return useQuery(manifestDiffQueryOptions(base.manifest, next));
}
