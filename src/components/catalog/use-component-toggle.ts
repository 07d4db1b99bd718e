// Choosing and removing components: adds bring their dependencies and are announced; a removal
// that takes chosen components with it waits for confirmation; a plain removal applies at once.
import { useCallback, useState } from 'react';
import type { ComponentId } from '../../shared/constants/components';
import { CATALOG_INDEX } from '../../shared/lib/catalog-graph';
import { addImpact, removalImpact } from '../../shared/lib/removal-impact';
import { missingGpuNote, planHasGpu } from '../../shared/lib/hardware';
import { useDraftStore } from '../../shared/store/draft-store';
import { listNames, nameOf } from './component-status';

/** A removal waiting for the user's confirmation. */
export interface PendingRemoval {
  readonly id: ComponentId;
  readonly nextChosen: readonly ComponentId[];
  /** Every component that leaves the installed set. */
  readonly removed: readonly ComponentId[];
  /** Chosen components that need `id` and leave with it. */
  readonly dependents: readonly ComponentId[];
}

const others = (ids: readonly ComponentId[], id: ComponentId) =>
  ids.filter((x) => x !== id).map(nameOf);

function addedMessage(id: ComponentId, added: readonly ComponentId[]): string {
  const rest = others(added, id);
  const { provider, regions } = useDraftStore.getState().draft.infrastructure;
  const hasGpu = planHasGpu(provider, regions);
  const notes = added.flatMap((a) => missingGpuNote(a, hasGpu) ?? []);
  return `Added ${nameOf(id)}${rest.length ? ` with ${listNames(rest)}` : ''}${notes.map((n) => `. ${n}`).join('')}`;
}

function removedMessage(id: ComponentId, removed: readonly ComponentId[]): string {
  const rest = others(removed, id);
  return `Removed ${nameOf(id)}${rest.length ? `; also removed ${listNames(rest)}` : ''}`;
}

/**
 * A stable `toggle(id, install)` for the cards, the pending removal for the dialog, and the
 * polite announcement of the last change. Reads the store at call time, so the callback never
 * changes and memoised cards do not re-render for it.
 */
export function useComponentToggle() {
  const setChosen = useDraftStore((s) => s.setChosen);
  const [pending, setPending] = useState<PendingRemoval | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const toggle = useCallback(
    (id: ComponentId, install: boolean) => {
      const chosen = useDraftStore.getState().draft.components.chosen;
      if (install) {
        const impact = addImpact(CATALOG_INDEX, chosen, id);
        setChosen(impact.nextChosen);
        setAnnouncement(addedMessage(id, impact.added));
        return;
      }
      const impact = removalImpact(CATALOG_INDEX, chosen, id);
      if (!impact.allowed) return;
      if (impact.dependents.length > 0) {
        setPending({ id, ...impact });
        return;
      }
      setChosen(impact.nextChosen);
      setAnnouncement(removedMessage(id, impact.removed));
    },
    [setChosen],
  );

  const confirm = useCallback(() => {
    if (!pending) return;
    setChosen(pending.nextChosen);
    setAnnouncement(removedMessage(pending.id, pending.removed));
    setPending(null);
  }, [pending, setChosen]);

  const cancel = useCallback(() => setPending(null), []);

  return { toggle, pending, confirm, cancel, announcement };
}
