// fast-check arbitraries of random DAG catalogs: ids c0..cN, dependencies only on lower
// indices (so every catalog is acyclic), random tiers, plus a random choice over it.
import fc from 'fast-check';
import { TIERS } from '../../../src/shared/constants/catalog-types';
import type { CatalogNode } from '../../../src/shared/lib/catalog-graph';

/** A random acyclic catalog of 1..maxSize nodes, each depending on up to 4 earlier nodes. */
export function randomCatalog(maxSize = 30): fc.Arbitrary<CatalogNode<string>[]> {
  return fc.integer({ min: 1, max: maxSize }).chain((n) =>
    fc
      .tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            tier: fc.constantFrom(...TIERS),
            deps: fc.uniqueArray(fc.nat(Math.max(0, i - 1)), { maxLength: Math.min(i, 4) }),
          }),
        ),
      )
      .map((entries) =>
        entries.map(({ tier, deps }, i) => ({
          id: `c${i}`,
          tier,
          dependsOn: deps.map((d) => `c${d}`),
        })),
      ),
  );
}

/** A random catalog with a random subset of its ids chosen (plus, sometimes, an unknown id). */
export function catalogWithChoice(
  maxSize = 30,
): fc.Arbitrary<{ nodes: CatalogNode<string>[]; chosen: string[] }> {
  return randomCatalog(maxSize).chain((nodes) =>
    fc
      .record({
        nodes: fc.constant(nodes),
        chosen: fc.subarray(nodes.map((n) => n.id)),
        extra: fc.option(fc.constantFrom('ghost', 'c-unknown'), { nil: undefined }),
      })
      .map(({ nodes: ns, chosen, extra }) => ({
        nodes: ns,
        chosen: extra === undefined ? chosen : [...chosen, extra],
      })),
  );
}

/** A random catalog, a random choice and one of its ids. */
export function catalogChoiceAndId(
  maxSize = 30,
): fc.Arbitrary<{ nodes: CatalogNode<string>[]; chosen: string[]; id: string }> {
  return catalogWithChoice(maxSize).chain(({ nodes, chosen }) =>
    fc.constantFrom(...nodes.map((n) => n.id)).map((id) => ({ nodes, chosen, id })),
  );
}
