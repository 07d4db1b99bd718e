// What each region's cluster carries: the summed requests of the components placed on it
// (placement.ts), so a mgt-only region does not count LibreChat and no cluster counts the
// bootstrap-only OpenTofu.
import type { Placement } from '../constants/catalog-types';
import { getComponent, type ComponentId } from '../constants/components';
import type { ResourceTotals } from './capacity';
import { sumRequests } from './capacity';
import { CATALOG_INDEX } from './catalog-graph';
import type { ClusterPlan } from './placement';
import type { SettingsByComponent } from './manifest/config';
import { resourcesWithSettings } from './settings-capacity';

/**
 * The requests of each cluster's components, in region order (computeCapacity's list form),
 * each component's scaled by its settings (replicas, storage, requests) when given.
 */
export function clusterRequests(
  clusters: readonly Pick<ClusterPlan, 'components'>[],
  settings: SettingsByComponent = {},
): ResourceTotals[] {
  if (Object.keys(settings).length === 0)
    return clusters.map((c) => sumRequests(CATALOG_INDEX, c.components));
  const scaled = CATALOG_INDEX.ids.map((id) => ({
    id,
    resources: resourcesWithSettings(id, getComponent(id).resources, settings[id]),
  }));
  return clusters.map((c) => sumRequests(scaled, c.components));
}

/** What a cluster's components are there for, as Review groups them. */
export const CLUSTER_GROUPS = [
  { placement: 'every-cluster', label: 'Every cluster' },
  { placement: 'mgt', label: 'Management' },
  { placement: 'application', label: 'Application' },
] as const satisfies readonly { placement: Placement; label: string }[];

/** A cluster's components by placement (every-cluster, mgt, application), empty groups left out. */
export function clusterGroups(
  components: readonly ComponentId[],
): { label: string; ids: ComponentId[] }[] {
  return CLUSTER_GROUPS.map((g) => ({
    label: g.label,
    ids: components.filter((id) => getComponent(id).placement === g.placement),
  })).filter((g) => g.ids.length > 0);
}
