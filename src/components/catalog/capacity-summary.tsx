// The "Capacity and cost" box of the Components and Review steps: per cluster what runs there
// against that region's nodes, the verdict, and what the nodes cost.
import { useId } from 'react';
import type { ComponentId } from '../../shared/constants/components';
import { cn } from '../ui/cn';
import { CapacityVerdict, NodeCost, RequestsLine } from './capacity-parts';
import { ClusterUsage } from './cluster-usage';
import { useCapacitySummary } from './use-capacity-summary';

export interface CapacitySummaryProps {
  /** The installed set whose requests are summed (from `useResolvedSelection().installed`). */
  installed: ReadonlySet<ComponentId>;
  /** The level of the "Capacity and cost" heading (2 on the Components step). */
  headingLevel?: 2 | 3;
  /** List each cluster's components by placement (Review). */
  showComponents?: boolean;
  className?: string;
}

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
  const { plan, inputs, total, report, cost } = useCapacitySummary();
  return (
    <section
      aria-labelledby={headingId}
      className={cn('space-y-4 rounded-lg border border-border bg-surface p-4', className)}
    >
      <Heading id={headingId} className="text-base font-semibold">
        Capacity and cost
      </Heading>
      <RequestsLine count={installed.size} total={total} />
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
      <CapacityVerdict report={report} />
      {inputs.unknownSizes.length > 0 && (
        <p className="text-xs text-danger">
          Unknown node size {inputs.unknownSizes.join(', ')}: choose a size in Infrastructure.
        </p>
      )}
      <NodeCost cost={cost} estimate={inputs.priceIsEstimate} />
    </section>
  );
}
