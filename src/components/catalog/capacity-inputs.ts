// Turns the Infrastructure step's regions into the node pools and prices the capacity engine
// reads. Pure; sizes come from the provider's catalogue via findSize.
import { findSize, type ProviderId } from '../../shared/constants/domain';
import type { PricedRegion, RegionSpec } from '../../shared/lib/capacity';
import type { RegionDraft } from '../../shared/schemas/draft';

export interface CapacityInputs {
  readonly specs: RegionSpec[];
  readonly priced: PricedRegion[];
  /** True when any node's price is an estimate converted from a list price. */
  readonly priceIsEstimate: boolean;
  /** Sizes the provider does not offer (counted as zero capacity and zero cost). */
  readonly unknownSizes: string[];
}

/** Node pools (control plane x (ha ? 3 : 1), workers x count) and prices for every region. */
export function capacityInputs(
  provider: ProviderId,
  regions: readonly RegionDraft[],
): CapacityInputs {
  const specs: RegionSpec[] = [];
  const priced: PricedRegion[] = [];
  const unknownSizes = new Set<string>();
  let priceIsEstimate = false;
  const pool = (sizeId: string, count: number) => {
    const size = findSize(provider, sizeId);
    if (!size) unknownSizes.add(sizeId);
    if (size?.priceIsEstimate) priceIsEstimate = true;
    return {
      spec: { vcpu: size?.vcpu ?? 0, ramGiB: size?.ramGiB ?? 0, diskGB: size?.diskGB ?? 0, count },
      price: { count, eurPerMonth: size?.eurPerMonth ?? 0 },
    };
  };
  regions.forEach((r, i) => {
    const name = r.cloudRegion || `region ${i + 1}`;
    const cp = pool(r.controlPlane.size, r.controlPlane.ha ? 3 : 1);
    const workers = pool(r.workers.size, r.workers.count);
    specs.push({ name, controlPlane: cp.spec, workers: workers.spec });
    priced.push({ name, controlPlane: cp.price, workers: workers.price });
  });
  return { specs, priced, priceIsEstimate, unknownSizes: [...unknownSizes] };
}
