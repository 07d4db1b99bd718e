// What the capacity summary shows, derived from the draft: per-cluster requests against each
// region's nodes (the same placement the Flux tree uses), their total, and the nodes' cost.
import { useMemo } from 'react';
import { addAllTotals, computeCapacity } from '../../shared/lib/capacity';
import { clusterRequests } from '../../shared/lib/cluster-capacity';
import { monthlyCost } from '../../shared/lib/cost';
import { capacityInputs } from '../../shared/lib/node-pools';
import { useDraftStore } from '../../shared/store/draft-store';
import { useDraftPlan } from './use-draft-plan';

export function useCapacitySummary() {
  const provider = useDraftStore((s) => s.draft.infrastructure.provider);
  const regions = useDraftStore((s) => s.draft.infrastructure.regions);
  const settings = useDraftStore((s) => s.draft.components.settings);
  const plan = useDraftPlan();
  const inputs = useMemo(() => capacityInputs(provider, regions), [provider, regions]);
  const perCluster = useMemo(
    () => clusterRequests(plan.clusters, settings ?? {}),
    [plan, settings],
  );
  const total = useMemo(() => addAllTotals(perCluster), [perCluster]);
  const report = useMemo(() => computeCapacity(perCluster, inputs.specs), [perCluster, inputs]);
  const cost = useMemo(() => monthlyCost(inputs.priced), [inputs]);
  return { plan, inputs, total, report, cost };
}
