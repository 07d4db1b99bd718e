// The parts of the capacity summary: what the installed set requests, the verdict when nodes are
// (nearly) full, and what the nodes cost.
import type { CapacityLevel, CapacityReport, ResourceTotals } from '../../shared/lib/capacity';
import { formatAmount, formatEur } from '../../shared/lib/format';
import { cn } from '../ui/cn';

/** The requests of the installed set, summed over every cluster. */
export function RequestsLine({ count, total }: { count: number; total: ResourceTotals }) {
  return (
    <p className="text-sm text-fg-muted">
      {count} components request{' '}
      <span className="font-medium text-fg">
        {formatAmount(total.cpuMillicores / 1000)} CPU cores
      </span>
      ,{' '}
      <span className="font-medium text-fg">{formatAmount(total.memoryMiB / 1024)} GiB memory</span>{' '}
      and <span className="font-medium text-fg">{formatAmount(total.storageGiB)} GiB storage</span>{' '}
      over all clusters; each region&apos;s cluster counts only what runs there.
    </p>
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

/** The verdict on the nodes, announced when it changes; nothing while every cluster fits. */
export function CapacityVerdict({ report }: { report: CapacityReport }) {
  const verdict = VERDICT[report.level];
  return (
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
  );
}

export interface NodeCostProps {
  cost: { totalEur: number; regions: { name: string; eur: number }[] };
  estimate: boolean;
}

/** The nodes' monthly cost, in total and per region. */
export function NodeCost({ cost, estimate }: NodeCostProps) {
  return (
    <div className="border-t border-border pt-3">
      <p className="text-sm">
        Nodes cost{' '}
        <span className="text-lg font-semibold">{formatEur(cost.totalEur, estimate)}</span> per
        month
      </p>
      <ul className="mt-1 text-xs text-fg-muted">
        {cost.regions.map((r, i) => (
          <li key={i}>
            Region {i + 1} ({r.name}): {formatEur(r.eur, estimate)}
          </li>
        ))}
      </ul>
      {estimate && (
        <p className="mt-1 text-xs text-fg-muted">
          ≈: converted from the provider&apos;s on-demand list price.
        </p>
      )}
    </div>
  );
}
