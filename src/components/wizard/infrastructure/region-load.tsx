// A region's load, live on the Infrastructure step: what its cluster's components request (the
// per-cluster placement) against what its control plane and workers offer, one meter per resource
// with its percentage in words, and "Fit nodes to load": the cheapest workers that carry it with
// SIZING_HEADROOM to spare (sizing.ts), applied in one click and undone from the status message.
// Loaded on demand (LazySection): the catalog and placement stay out of the first page.
import { useMemo, useState } from 'react';
import { WORKER_COUNT_RANGE } from '../../../shared/constants/domain';
import {
  computeCapacity,
  formatUsagePercent,
  type RegionCapacity,
} from '../../../shared/lib/capacity';
import { clusterRequests } from '../../../shared/lib/cluster-capacity';
import { formatEur } from '../../../shared/lib/format';
import { capacityInputs } from '../../../shared/lib/node-pools';
import { SIZING_HEADROOM, fitRegion, samePool, type WorkerPool } from '../../../shared/lib/sizing';
import type { RegionDraft } from '../../../shared/schemas/draft';
import { useDraftStore } from '../../../shared/store/draft-store';
import { UsageBars } from '../../catalog/usage-bar';
import { useDraftPlan } from '../../catalog/use-draft-plan';
import { Button } from '../../ui/button';

export interface RegionLoadProps {
  index: number;
}

type Workers = RegionDraft['workers'];

/** "5 × cx53" or "3 × m6i.large + 120 GB volume each". */
export function poolText(w: { size: string; count: number; volumeGb?: number | undefined }) {
  return `${w.count} × ${w.size}${w.volumeGb ? ` + ${w.volumeGb} GB volume each` : ''}`;
}

const HEADROOM_PCT = Math.round(SIZING_HEADROOM * 100);

/** What the last click did: the pool applied and the one it replaced (for Undo). */
type Change =
  { kind: 'fitted'; previous: Workers; applied: Workers } | { kind: 'undone'; restored: Workers };

/** The cluster's requests against its nodes: one meter per resource, the percentage in words. */
function LoadMeters({
  index,
  capacity,
  components,
}: {
  index: number;
  capacity: RegionCapacity;
  components: number;
}) {
  return (
    <div role="group" aria-label={`Load of region ${index + 1}`} className="space-y-2">
      <p className="text-xs font-semibold">
        Load on this cluster{' '}
        <span className="font-normal text-fg-muted">
          ({components} components; their requests against the nodes&apos; allocatable capacity)
        </span>
      </p>
      <UsageBars capacity={capacity} />
      {capacity.level === 'error' && (
        <p className="text-xs font-medium text-danger">
          Over capacity: these nodes cannot carry this cluster.
        </p>
      )}
    </div>
  );
}

/** A region's draft, its cluster's load against its nodes, and the cheapest fit. */
function useRegionLoad(index: number) {
  const provider = useDraftStore((s) => s.draft.infrastructure.provider);
  const region = useDraftStore((s) => s.draft.infrastructure.regions[index]);
  const settings = useDraftStore((s) => s.draft.components.settings);
  const plan = useDraftPlan();
  const requests = useMemo(
    () => clusterRequests(plan.clusters, settings ?? {})[index],
    [plan, settings, index],
  );
  return useMemo(() => {
    if (!region || !requests) return null;
    const capacity = computeCapacity([requests], capacityInputs(provider, [region]).specs)
      .regions[0];
    const fit = fitRegion(provider, region, requests);
    const estimate = fit
      ? capacityInputs(provider, [{ ...region, workers: fit }]).priceIsEstimate
      : false;
    const components = plan.clusters[index]?.components.length ?? 0;
    return capacity ? { region, capacity, fit, estimate, components } : null;
  }, [provider, region, requests, plan, index]);
}

/** What the last fit did, with Undo while the fitted workers are still in place. */
function FitStatus({
  change,
  usage,
  onUndo,
}: {
  change: Change | null;
  usage: RegionCapacity['usage'] | null;
  onUndo: () => void;
}) {
  return (
    <div role="status" className="text-xs">
      {change?.kind === 'fitted' && usage && (
        <p className="flex flex-wrap items-center gap-2">
          <span>
            Workers set to {poolText(change.applied)}: CPU {formatUsagePercent(usage.cpu)}, memory{' '}
            {formatUsagePercent(usage.memory)}, disk {formatUsagePercent(usage.disk)}.
          </span>
          <Button size="sm" variant="ghost" className="underline" onClick={onUndo}>
            Undo
          </Button>
        </p>
      )}
      {change?.kind === 'undone' && <p>Restored {poolText(change.restored)}.</p>}
    </div>
  );
}

/** The region's load meters, the suggested fit, and the button that applies it. */
export function RegionLoad({ index }: RegionLoadProps) {
  const updateRegion = useDraftStore((s) => s.updateRegion);
  const load = useRegionLoad(index);
  const [change, setChange] = useState<Change | null>(null);
  if (!load) return null;
  const { region, capacity, fit, estimate } = load;
  const fitted = fit !== null && samePool(region.workers, fit);
  const apply = (pool: WorkerPool) =>
    updateRegion(index, {
      workers: { size: pool.size, count: pool.count, volumeGb: pool.volumeGb },
    });
  const onFit = () => {
    if (!fit) return;
    const applied: Workers = {
      size: fit.size,
      count: fit.count,
      ...(fit.volumeGb ? { volumeGb: fit.volumeGb } : {}),
    };
    setChange({ kind: 'fitted', previous: { ...region.workers }, applied });
    apply(applied);
  };
  const onUndo = () => {
    if (change?.kind !== 'fitted') return;
    apply(change.previous);
    setChange({ kind: 'undone', restored: change.previous });
  };
  const undoable = change?.kind !== 'fitted' || samePool(region.workers, change.applied);
  return (
    <div className="space-y-3 rounded-md border border-border bg-muted/40 p-3">
      <LoadMeters index={index} capacity={capacity} components={load.components} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Button size="sm" onClick={onFit} disabled={!fit || fitted}>
          Fit nodes to load
        </Button>
        <p className="min-w-0 text-xs text-fg-muted">
          {!fit
            ? `No worker size fits: even ${WORKER_COUNT_RANGE.max} of the largest cannot carry this cluster.`
            : fitted
              ? `These workers are the cheapest that leave ${HEADROOM_PCT}% free.`
              : `Cheapest with ${HEADROOM_PCT}% free: ${poolText(fit)}, workers ${formatEur(fit.workersEurPerMonth, estimate)}/month.`}
        </p>
      </div>
      <FitStatus change={undoable ? change : null} usage={capacity.usage} onUndo={onUndo} />
    </div>
  );
}
