// What the nodes cost: a pure sum over priced pools, apart from capacity so the first page
// (which shows the price) does not load the capacity rules.

/** A pool's node count and its price per node per month in EUR. */
export interface PricedPool {
  readonly count: number;
  readonly eurPerMonth: number;
}

export interface PricedRegion {
  readonly name: string;
  readonly controlPlane: PricedPool;
  readonly workers: PricedPool;
}

const cents = (eur: number) => Math.round(eur * 100) / 100;

/** Monthly EUR cost of every region's nodes, rounded to cents, with a per-region breakdown. */
export function monthlyCost(regions: readonly PricedRegion[]): {
  totalEur: number;
  regions: { name: string; eur: number }[];
} {
  const perRegion = regions.map((r) => ({
    name: r.name,
    eur: cents(
      r.controlPlane.count * r.controlPlane.eurPerMonth + r.workers.count * r.workers.eurPerMonth,
    ),
  }));
  return { totalEur: cents(perRegion.reduce((sum, r) => sum + r.eur, 0)), regions: perRegion };
}
