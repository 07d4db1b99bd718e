// The nodes a region's choices stand for: control-plane and worker pools with their sizes and
// prices, in the shape the capacity engine reads. Takes the wizard's regions (HA flag) and the
// manifest's (node count) alike; sizes come from the provider's catalogue via findSize.
import { VOLUME_EUR_PER_GB_MONTH, findSize, type ProviderId } from '../constants/domain';
import type { RegionSpec } from './capacity';
import type { PricedRegion } from './cost';

/** Control-plane nodes of a highly available region. */
export const HA_CONTROL_PLANE_NODES = 3 as const;

/** A region's node choices, as the wizard keeps them (ha) or as the manifest states them (count). */
export interface RegionNodes {
  readonly cloudRegion: string;
  readonly controlPlane: { readonly size: string } & (
    { readonly ha: boolean } | { readonly count: number }
  );
  readonly workers: {
    readonly size: string;
    readonly count: number;
    /** An extra volume per worker (GB), added to the size's disk; absent: the fixed disk only. */
    readonly volumeGb?: number | undefined;
  };
}

/** How many control-plane nodes a region runs: 3 when highly available, else 1. */
export function controlPlaneCount(cp: { readonly ha: boolean }): 1 | 3;
export function controlPlaneCount(
  cp: { readonly ha: boolean } | { readonly count: number },
): number;
export function controlPlaneCount(
  cp: { readonly ha: boolean } | { readonly count: number },
): number {
  return 'ha' in cp ? (cp.ha ? HA_CONTROL_PLANE_NODES : 1) : cp.count;
}

/** A pool's extra volume per node in GB: 0 when none (absent, empty or not a positive number). */
export function volumeOf(volumeGb: number | undefined): number {
  return volumeGb !== undefined && Number.isFinite(volumeGb) && volumeGb > 0 ? volumeGb : 0;
}

export interface CapacityInputs {
  readonly specs: RegionSpec[];
  readonly priced: PricedRegion[];
  /** True when any node's price is an estimate converted from a list price. */
  readonly priceIsEstimate: boolean;
  /** Sizes the provider does not offer (counted as zero capacity and zero cost). */
  readonly unknownSizes: string[];
}

/** Node pools (control plane, workers x count) and prices for every region. */
export function capacityInputs(
  provider: ProviderId,
  regions: readonly RegionNodes[],
): CapacityInputs {
  const specs: RegionSpec[] = [];
  const priced: PricedRegion[] = [];
  const unknownSizes = new Set<string>();
  let priceIsEstimate = false;
  const pool = (sizeId: string, rawCount: number, rawVolume?: number) => {
    const count = Number.isFinite(rawCount) ? rawCount : 0;
    const volume = volumeOf(rawVolume);
    const size = findSize(provider, sizeId);
    if (!size) unknownSizes.add(sizeId);
    if (size?.priceIsEstimate || volume > 0) priceIsEstimate = true;
    const diskGB = (size?.diskGB ?? 0) + volume;
    const volumeEur = volume * VOLUME_EUR_PER_GB_MONTH[provider];
    return {
      spec: { vcpu: size?.vcpu ?? 0, ramGiB: size?.ramGiB ?? 0, diskGB, count },
      price: { count, eurPerMonth: (size?.eurPerMonth ?? 0) + volumeEur },
    };
  };
  regions.forEach((r, i) => {
    const name = r.cloudRegion || `region ${i + 1}`;
    const cp = pool(r.controlPlane.size, controlPlaneCount(r.controlPlane));
    const workers = pool(r.workers.size, r.workers.count, r.workers.volumeGb);
    specs.push({ name, controlPlane: cp.spec, workers: workers.spec });
    priced.push({ name, controlPlane: cp.price, workers: workers.price });
  });
  return { specs, priced, priceIsEstimate, unknownSizes: [...unknownSizes] };
}
