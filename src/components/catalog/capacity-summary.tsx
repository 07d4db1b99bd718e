import { useId, useMemo } from 'react';
import type { ComponentId } from '../../shared/constants/components';
import { CATALOG_INDEX } from '../../shared/lib/catalog-graph';
import {
  computeCapacity,
  monthlyCost,
  sumRequests,
  usageLevel,
  type CapacityLevel,
  type RegionCapacity,
} from '../../shared/lib/capacity';
import { formatAmount, formatEur } from '../../shared/lib/format';
import { useDraftStore } from '../../shared/store/draft-store';
import { cn } from '../ui/cn';
import { capacityInputs } from '../../shared/lib/node-pools';
import { UsageBar } from './usage-bar';

export interface CapacitySummaryProps {
  /** The installed set whose requests are summed (from `useResolvedSelection().installed`). */
  installed: ReadonlySet<ComponentId>;
  /** The level of the "Capacity and cost" heading (2 on the Components step). */
  headingLevel?: 2 | 3;
  className?: string;
}

function RegionUsage({
  region,
  position,
  heading: Heading,
}: {
  region: RegionCapacity;
  position: number;
  heading: 'h3' | 'h4';
}) {
  const { requests: r, allocatable: a, usage } = region;
  return (
    <li className="space-y-2">
      <Heading className="text-sm font-semibold">
        Region {position} <span className="font-normal text-fg-muted">({region.name})</span>
      </Heading>
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

const VERDICT: Record<CapacityLevel, { title: string; className: string }> = {
  ok: { title: '', className: '' },
  warn: { title: 'Nodes nearly full (above 80%)', className: 'border-warn text-warn' },
  error: {
    title: 'Nodes too small for the installed components',
    className: 'border-danger text-danger',
  },
};

/** Summed requests of the installed set against each region's nodes, and the monthly cost. */
export function CapacitySummary({ installed, headingLevel = 2, className }: CapacitySummaryProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  const provider = useDraftStore((s) => s.draft.infrastructure.provider);
  const regions = useDraftStore((s) => s.draft.infrastructure.regions);
  const inputs = useMemo(() => capacityInputs(provider, regions), [provider, regions]);
  const requests = useMemo(() => sumRequests(CATALOG_INDEX, installed), [installed]);
  const report = useMemo(() => computeCapacity(requests, inputs.specs), [requests, inputs]);
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
          {formatAmount(requests.cpuMillicores / 1000)} CPU cores
        </span>
        ,{' '}
        <span className="font-medium text-fg">
          {formatAmount(requests.memoryMiB / 1024)} GiB memory
        </span>{' '}
        and{' '}
        <span className="font-medium text-fg">{formatAmount(requests.storageGiB)} GiB storage</span>{' '}
        in each region.
      </p>
      <ul className="space-y-4">
        {report.regions.map((region, i) => (
          <RegionUsage key={i} region={region} position={i + 1} heading={SubHeading} />
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
