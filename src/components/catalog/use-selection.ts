// Hooks that read the component choice from the draft store and derive the installed set once
// per change, so every card reads plain values instead of subscribing to the store.
import { useMemo } from 'react';
import type { ComponentId } from '../../shared/constants/components';
import { CATALOG_INDEX } from '../../shared/lib/catalog-graph';
import { resolveSelection, type ResolvedSelection } from '../../shared/lib/resolve-selection';
import { useDraftStore } from '../../shared/store/draft-store';

/** The ids the user chose explicitly, straight from the draft store. */
export function useChosen(): readonly ComponentId[] {
  return useDraftStore((s) => s.draft.components.chosen);
}

/** The resolved selection (installed, chosen, locked, requiredBy, via) of the current choice. */
export function useResolvedSelection(): ResolvedSelection<ComponentId> {
  const chosen = useChosen();
  return useMemo(() => resolveSelection(CATALOG_INDEX, chosen), [chosen]);
}
