import { useMemo } from 'react';
import { CapacitySummary } from '../catalog/capacity-summary';
import { CATALOG_INDEX } from '../../shared/lib/catalog-graph';
import { resolveSelection } from '../../shared/lib/resolve-selection';
import { useDraftStore } from '../../shared/store/draft-store';
import { SettingsChanges } from '../settings/settings-changes';
import { ReviewGroup, ReviewList } from './review-group';
import { InstalledByReason } from './installed-by-reason';

/**
 * The Components step: the installed count and every component by name and reason, the blueprint registry, and per region's
 * cluster what runs there, its capacity, and the monthly cost.
 */
export function PlatformSummary() {
  const chosen = useDraftStore((s) => s.draft.components.chosen);
  const registry = useDraftStore((s) => s.draft.blueprints.registry);
  const resolved = useMemo(() => resolveSelection(CATALOG_INDEX, chosen), [chosen]);
  return (
    <ReviewGroup step="components">
      <ReviewList
        rows={[
          ['Installed components', `${resolved.installed.size} of ${CATALOG_INDEX.ids.length}`],
          ['Blueprint registry', registry || '—'],
        ]}
      />
      <InstalledByReason chosen={chosen} />
      <SettingsChanges installed={resolved.installed} />
      <CapacitySummary installed={resolved.installed} headingLevel={3} showComponents />
    </ReviewGroup>
  );
}
