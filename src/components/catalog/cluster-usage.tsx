import { getComponent } from '../../shared/constants/components';
import { usageLevel, type RegionCapacity } from '../../shared/lib/capacity';
import { clusterGroups } from '../../shared/lib/cluster-capacity';
import { formatAmount } from '../../shared/lib/format';
import type { ClusterPlan } from '../../shared/lib/placement';
import { UsageBar } from './usage-bar';

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
  const { requests: r, allocatable: a, usage } = region;
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
      <UsageBar
        label="CPU"
        usage={usage.cpu}
        level={usageLevel(usage.cpu)}
        detail={`${formatAmount(r.cpuMillicores / 1000)} of ${formatAmount(a.cpuMillicores / 1000)} cores`}
      />
      <UsageBar
        label="Memory"
        usage={usage.memory}
        level={usageLevel(usage.memory)}
        detail={`${formatAmount(r.memoryMiB / 1024)} of ${formatAmount(a.memoryMiB / 1024)} GiB`}
      />
      <UsageBar
        label="Storage"
        usage={usage.disk}
        level={usageLevel(usage.disk)}
        detail={`${formatAmount(r.storageGiB)} of ${formatAmount(a.storageGiB)} GiB`}
      />
    </li>
  );
}
