import { getComponent } from '../../shared/constants/components';
import type { RegionCapacity } from '../../shared/lib/capacity';
import { clusterGroups } from '../../shared/lib/cluster-capacity';
import type { ClusterPlan } from '../../shared/lib/placement';
import { UsageBars } from './usage-bar';

export interface ClusterUsageProps {
  region: RegionCapacity;
  /** The region's cluster and what it installs; undefined while the plan has no such region. */
  cluster: ClusterPlan | undefined;
  position: number;
  heading: 'h3' | 'h4';
  /** Also list the cluster's components by placement (Review). */
  showComponents?: boolean;
}

const count = (n: number) => (n === 1 ? '1 component' : `${n} components`);

/** One region's cluster: name, building blocks, what runs there and its requests against its nodes. */
export function ClusterUsage({
  region,
  cluster,
  position,
  heading: Heading,
  showComponents = false,
}: ClusterUsageProps) {
  const components = cluster?.components ?? [];
  return (
    <li className="space-y-2">
      <Heading className="text-sm font-semibold">
        Region {position} <span className="font-normal text-fg-muted">({region.name})</span>
      </Heading>
      {cluster && (
        <p className="text-xs text-fg-muted">
          Cluster <code className="text-fg">{cluster.name}</code> · blocks{' '}
          {cluster.buildingBlocks.join(', ') || 'none'} · {count(components.length)}
        </p>
      )}
      {showComponents && components.length > 0 && (
        <dl aria-label={`Components on ${cluster?.name ?? region.name}`} className="text-xs">
          {clusterGroups(components).map((g) => (
            <div key={g.label} className="py-0.5">
              <dt className="inline font-medium">
                {g.label} ({g.ids.length}):
              </dt>{' '}
              <dd className="inline text-fg-muted">
                {g.ids.map((id) => getComponent(id).name).join(', ')}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <UsageBars capacity={region} diskLabel="Storage" />
    </li>
  );
}
