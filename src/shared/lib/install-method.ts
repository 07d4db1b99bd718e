// How a catalog component is installed and where it runs, as the component card and the graph
// panel say it. Pure: a function of the catalog entry.
import type { ComponentDef, Placement } from '../constants/catalog-types';

export interface InstallMethod {
  /** "Helm chart <name> <version>", "Catalyst Blueprint bp-<id> <version>", or the bootstrap. */
  readonly how: string;
  /** Which clusters install it; null when none does (the bootstrap runs it). */
  readonly where: string | null;
}

const WHERE: Readonly<Record<Placement, string | null>> = {
  'every-cluster': 'Every cluster',
  mgt: 'Management clusters',
  application: 'Workload (rtz) clusters',
  bootstrap: null,
};

/** The Catalyst Blueprint chart name of a component. */
export const blueprintChart = (id: string): string => `bp-${id}`;

/** How and where a component is installed. */
export function installMethod(
  c: Pick<ComponentDef, 'id' | 'chart' | 'blueprint' | 'placement'>,
): InstallMethod {
  const where = WHERE[c.placement];
  if (c.placement === 'bootstrap')
    return { how: 'Run by the bootstrap API (phase 0); not installed on a cluster', where };
  if (c.chart) return { how: `Helm chart ${c.chart.name} ${c.chart.version}`, where };
  if (c.blueprint)
    return { how: `Catalyst Blueprint ${blueprintChart(c.id)} ${c.blueprint.version}`, where };
  return {
    how: `Catalyst Blueprint ${blueprintChart(c.id)} (not published upstream yet: your blueprint registry must provide it)`,
    where,
  };
}
