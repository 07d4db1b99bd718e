// Deterministic synthetic catalogs for benchmarks: n components, dependencies only on earlier
// ones (so the graph is a DAG), tiers and resource figures drawn from a seeded PRNG.
import type { Tier } from '../constants/catalog-types';

/** A synthetic catalog entry: the graph fields plus resource requests. */
export interface SyntheticComponent {
  readonly id: string;
  readonly name: string;
  readonly tier: Tier;
  readonly dependsOn: readonly string[];
  readonly resources: {
    readonly cpuMillicores: number;
    readonly memoryMiB: number;
    readonly storageGiB: number;
  };
}

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickTier(r: number): Tier {
  if (r < 0.1) return 'mandatory';
  return r < 0.4 ? 'recommended' : 'optional';
}

/** Up to 4 distinct earlier indices; half lean towards the foundation (low indices). */
function pickDeps(i: number, rand: () => number): number[] {
  const want = Math.min(i, Math.floor(rand() * 5));
  const deps = new Set<number>();
  while (deps.size < want) {
    const r = rand();
    deps.add(Math.floor((rand() < 0.5 ? r * r : r) * i));
  }
  return [...deps].sort((a, b) => a - b);
}

/** An n-component DAG catalog (ids c0..c{n-1}, 0-4 deps each, ~10% mandatory, ~30% recommended), same output for the same seed. */
export function syntheticCatalog(n: number, seed = 1): SyntheticComponent[] {
  const rand = mulberry32(seed);
  const out: SyntheticComponent[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      id: `c${i}`,
      name: `Component ${i}`,
      tier: pickTier(rand()),
      dependsOn: pickDeps(i, rand).map((d) => `c${d}`),
      resources: {
        cpuMillicores: 50 + Math.floor(rand() * 20) * 50,
        memoryMiB: 64 * (1 + Math.floor(rand() * 32)),
        storageGiB: rand() < 0.3 ? Math.floor(rand() * 50) : 0,
      },
    });
  }
  return out;
}
