import { useId, useMemo } from 'react';
import type { ComponentId } from '../../shared/constants/components';
import {
  addAllTotals,
  computeCapacity,
  monthlyCost,
  type CapacityLevel,
} from '../../shared/lib/capacity';
import { clusterRequests } from '../../shared/lib/cluster-capacity';
import { formatAmount, formatEur } from '../../shared/lib/format';
import { useDraftStore } from '../../shared/store/draft-store';
import { cn } from '../ui/cn';
import { capacityInputs } from '../../shared/lib/node-pools';
import { ClusterUsage } from './cluster-usage';
import { useDraftPlan } from './use-draft-plan';

export interface CapacitySummaryProps {
  /** The installed set whose requests are summed (from `useResolvedSelection().installed`). */
  installed: ReadonlySet<ComponentId>;
  /** The level of the "Capacity and cost" heading (2 on the Components step). */
  headingLevel?: 2 | 3;
  /** List each cluster's components by placement (Review). */
  showComponents?: boolean;
  className?: string;
}

const VERDICT: Record<CapacityLevel, { title: string; className: string }> = {
  ok: { title: '', className: '' },
  warn: { title: 'Nodes nearly full (above 80%)', className: 'border-warn text-warn' },
  error: {
    title: 'Nodes too small for the installed components',
    className: 'border-danger text-danger',
  },
};

/** What runs on each region's cluster against that region's nodes, and the monthly cost. */
export function CapacitySummary({
  installed,
  headingLevel = 2,
  showComponents = false,
  className,
}: CapacitySummaryProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  const provider = useDraftStore((s) => s.draft.infrastructure.provider);
  const regions = useDraftStore((s) => s.draft.infrastructure.regions);
  const inputs = useMemo(() => capacityInputs(provider, regions), [provider, regions]);
  const plan = useDraftPlan();
  const settings = useDraftStore((s) => s.draft.components.settings);
  const perCluster = useMemo(
    () => clusterRequests(plan.clusters, settings ?? {}),
    [plan, settings],
  );
  const total = useMemo(() => addAllTotals(perCluster), [perCluster]);
  const report = useMemo(() => computeCapacity(perCluster, inputs.specs), [perCluster, inputs]);
  const cost = useMemo(() => monthlyCost(inputs.priced), [inputs]);
  const verdict = VERDICT[report.level];

  return (
    <section
      aria-labelledby={headingId}
      className={cn('space-y-4 rounded-lg border border-border bg-surface p-4', className)}
    >
      <Heading id={headingId} className="text-base font-semibold">
        Capacity and cost
      </Heading>
      <p className="text-sm text-fg-muted">
        {installed.size} components request{' '}
        <span className="font-medium text-fg">
          {formatAmount(total.cpuMillicores / 1000)} CPU cores
        </span>
        ,{' '}
        <span className="font-medium text-fg">
          {formatAmount(total.memoryMiB / 1024)} GiB memory
        </span>{' '}
        and{' '}
        <span className="font-medium text-fg">{formatAmount(total.storageGiB)} GiB storage</span>{' '}
        over all clusters; each region&apos;s cluster counts only what runs there.
      </p>
      <ul className="space-y-4">
        {report.regions.map((region, i) => (
          <ClusterUsage
            key={i}
            region={region}
            cluster={plan.clusters[i]}
            position={i + 1}
            heading={SubHeading}
            showComponents={showComponents}
          />
        ))}
      </ul>
      <div aria-live="polite">
        {report.level !== 'ok' && (
          <div className={cn('rounded-md border-l-4 bg-muted p-2 text-xs', verdict.className)}>
            <p className="font-semibold">{verdict.title}</p>
            <p className="mt-0.5 text-fg">Choose larger or more nodes in Infrastructure.</p>
            <details className="mt-1 text-fg">
              <summary className="cursor-pointer rounded-sm focus-visible:outline-2 focus-visible:outline-focus">
                Details
              </summary>
              <ul className="mt-1 list-disc space-y-0.5 pl-4">
                {report.messages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </details>
          </div>
        )}
      </div>
      {inputs.unknownSizes.length > 0 && (
        <p className="text-xs text-danger">
          Unknown node size {inputs.unknownSizes.join(', ')}: choose a size in Infrastructure.
        </p>
      )}
      <div className="border-t border-border pt-3">
        <p className="text-sm">
          Nodes cost{' '}
          <span className="text-lg font-semibold">
            {formatEur(cost.totalEur, inputs.priceIsEstimate)}
          </span>{' '}
          per month
        </p>
        <ul className="mt-1 text-xs text-fg-muted">
          {cost.regions.map((r, i) => (
            <li key={i}>
              Region {i + 1} ({r.name}): {formatEur(r.eur, inputs.priceIsEstimate)}
            </li>
          ))}
        </ul>
        {inputs.priceIsEstimate && (
          <p className="mt-1 text-xs text-fg-muted">
            ≈: converted from the provider&apos;s on-demand list price.
          </p>
        )}
      </div>
    </section>
  );
}
