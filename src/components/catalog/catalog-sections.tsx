import { useMemo } from 'react';
import { COMPONENTS, type ComponentId } from '../../shared/constants/components';
import { FAMILIES } from '../../shared/constants/families';
import { matchesFilter, type CatalogFilter } from './catalog-filter';
import { ComponentCard } from './component-card';
import type { ComponentStatus } from './component-status';
import { useDraftStore } from '../../shared/store/draft-store';
import { hasConfig } from '../settings/settings-disclosure';
import { FamilySection } from './family-section';

export interface CatalogSectionsProps {
  filter: CatalogFilter;
  installed: ReadonlySet<ComponentId>;
  statuses: ReadonlyMap<ComponentId, ComponentStatus>;
  /** Stable toggle shared by every card. */
  onToggle: (id: ComponentId, install: boolean) => void;
}

/** Every family with its matching cards; families with no match are left out. */
export function CatalogSections({ filter, installed, statuses, onToggle }: CatalogSectionsProps) {
  const settings = useDraftStore((s) => s.draft.components.settings);
  const values = useDraftStore((s) => s.draft.components.values);
  const groups = useMemo(
    () =>
      FAMILIES.map((family) => {
        const all = COMPONENTS.filter((c) => c.family === family.id);
        return {
          family,
          total: all.length,
          installedCount: all.filter((c) => installed.has(c.id)).length,
          visible: all.filter((c) => matchesFilter(c, filter, installed)),
        };
      }).filter((g) => g.visible.length > 0),
    [filter, installed],
  );

  if (groups.length === 0) {
    return <p className="py-8 text-center text-fg-muted">No components match these filters.</p>;
  }
  return (
    <div className="space-y-8">
      {groups.map(({ family, total, installedCount, visible }) => (
        <FamilySection
          key={family.id}
          family={family}
          installedCount={installedCount}
          totalCount={total}
        >
          {visible.map((c) => {
            const status = statuses.get(c.id);
            return (
              <ComponentCard
                key={c.id}
                id={c.id}
                name={c.name}
                role={c.role}
                tier={c.tier}
                kind={status?.kind ?? 'not-installed'}
                installed={status?.installed ?? false}
                fixed={status?.fixed ?? false}
                statusText={status?.text ?? ''}
                changed={hasConfig(settings?.[c.id]) || hasConfig(values?.[c.id])}
                onToggle={onToggle}
              />
            );
          })}
        </FamilySection>
      ))}
    </div>
  );
}
