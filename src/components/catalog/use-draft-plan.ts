import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { planDraft } from '../../shared/lib/draft-plan';
import type { SovereignPlan } from '../../shared/lib/placement';
import { useDraftStore } from '../../shared/store/draft-store';

/** Which cluster runs what for the current draft (recomputed when regions or choices change). */
export function useDraftPlan(): SovereignPlan {
  const { infrastructure, components } = useDraftStore(
    useShallow((s) => ({
      infrastructure: s.draft.infrastructure,
      components: s.draft.components,
    })),
  );
  return useMemo(() => planDraft({ infrastructure, components }), [infrastructure, components]);
}
