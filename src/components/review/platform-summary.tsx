import { useMemo } from 'react';
import { CapacitySummary } from '../catalog/capacity-summary';
import { CATALOG_INDEX } from '../../shared/lib/catalog-graph';
import { resolveSelection } from '../../shared/lib/resolve-selection';
import { useDraftStore } from '../../shared/store/draft-store';
import { ReviewGroup, ReviewList } from './review-group';

/** The Components step: chosen and installed counts, capacity per region and monthly cost. */
export function PlatformSummary() {
  const chosen = useDraftStore((s) => s.draft.components.chosen);
  const resolved = useMemo(() => resolveSelection(CATALOG_INDEX, chosen), [chosen]);
  return (
    <ReviewGroup step="components">
      <ReviewList
        rows={[
          ['Installed components', `${resolved.installed.size} of ${CATALOG_INDEX.ids.length}`],
          ['Chosen by you', String(resolved.chosen.size)],
          ['Always installed', String(resolved.locked.size)],
        ]}
      />
      <CapacitySummary installed={resolved.installed} headingLevel={3} />
    </ReviewGroup>
  );
}
