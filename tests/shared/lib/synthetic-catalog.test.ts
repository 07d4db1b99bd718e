import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../../src/shared/lib/catalog-graph';
import { syntheticCatalog } from '../../../src/shared/lib/synthetic-catalog';
import { topologicalOrder } from '../../../src/shared/lib/topological-order';

describe('syntheticCatalog', () => {
  const catalog = syntheticCatalog(5000, 42);

  it('is deterministic per seed and differs across seeds', () => {
    expect(syntheticCatalog(200, 7)).toEqual(syntheticCatalog(200, 7));
    expect(syntheticCatalog(200, 7)).not.toEqual(syntheticCatalog(200, 8));
    expect(syntheticCatalog(0)).toEqual([]);
  });

  it('builds a valid DAG with ids c0..c{n-1} and 0-4 earlier dependencies each', () => {
    expect(catalog).toHaveLength(5000);
    expect(catalog.map((c) => c.id)).toEqual(Array.from({ length: 5000 }, (_, i) => `c${i}`));
    catalog.forEach((c, i) => {
      expect(c.dependsOn.length).toBeLessThanOrEqual(4);
      for (const d of c.dependsOn) expect(Number(d.slice(1))).toBeLessThan(i);
    });
    const index = indexCatalog(catalog);
    expect(topologicalOrder(index, index.ids).ok).toBe(true);
  });

  it('has realistic fan-out and tier shares', () => {
    const edges = catalog.reduce((s, c) => s + c.dependsOn.length, 0);
    expect(edges / catalog.length).toBeGreaterThan(1.5);
    expect(edges / catalog.length).toBeLessThan(2.5);
    const share = (tier: string) => catalog.filter((c) => c.tier === tier).length / catalog.length;
    expect(share('mandatory')).toBeCloseTo(0.1, 1);
    expect(share('recommended')).toBeCloseTo(0.3, 1);
    expect(catalog.every((c) => c.resources.cpuMillicores > 0 && c.resources.memoryMiB > 0)).toBe(
      true,
    );
  });
});
