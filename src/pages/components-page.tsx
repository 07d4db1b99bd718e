import { useDeferredValue, useMemo, useState } from 'react';
import { CatalogSections } from '../components/catalog/catalog-sections';
import { CatalogToolbar } from '../components/catalog/catalog-toolbar';
import { EMPTY_FILTER, type CatalogFilter } from '../components/catalog/catalog-filter';
import { CapacitySummary } from '../components/catalog/capacity-summary';
import { componentStatuses, isRecommendedDefault } from '../components/catalog/component-status';
import {
  ComponentToggleProvider,
  ComponentToggleStatus,
  useToggle,
} from '../components/catalog/component-toggle-provider';
import { SelectionCounters } from '../components/catalog/selection-counters';
import { useResolvedSelection } from '../components/catalog/use-selection';
import { CatalogWithGraph } from '../components/graph/catalog-with-graph';
import { BlueprintRegistryFields } from '../components/wizard/blueprint-registry-fields';
import { COMPONENTS } from '../shared/constants/components';
import { CATALOG_INDEX } from '../shared/lib/catalog-graph';

function ComponentsStep() {
  const resolved = useResolvedSelection();
  const statuses = useMemo(() => componentStatuses(CATALOG_INDEX, resolved), [resolved]);
  const toggle = useToggle();
  const [filter, setFilter] = useState<CatalogFilter>(EMPTY_FILTER);
  const deferredFilter = useDeferredValue(filter);

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <SelectionCounters
            chosen={[...resolved.chosen].filter((id) => !isRecommendedDefault(id)).length}
            recommended={[...resolved.chosen].filter(isRecommendedDefault).length}
            installed={resolved.installed.size}
            total={COMPONENTS.length}
          />
          <ComponentToggleStatus />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <CatalogWithGraph>
          <CatalogToolbar filter={filter} onChange={setFilter} />
          <CatalogSections
            filter={deferredFilter}
            installed={resolved.installed}
            statuses={statuses}
            onToggle={toggle}
          />
        </CatalogWithGraph>
        <aside aria-label="Capacity and cost summary" className="lg:sticky lg:top-4 lg:self-start">
          <CapacitySummary
            installed={resolved.installed}
            className="lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
          />
        </aside>
      </div>
      <BlueprintRegistryFields />
    </div>
  );
}

/**
 * The Components step: choose platform components by family, see why each is installed and what
 * it costs. The list and the graph beside it share one toggle provider, hence one dialog and one
 * announcement.
 */
export function ComponentsPage() {
  return (
    <ComponentToggleProvider>
      <ComponentsStep />
    </ComponentToggleProvider>
  );
}

export default ComponentsPage;
