// The change between two manifests in words: components added and removed with why, nodes and
// sizes per region, every other setting old → new, and what destroys data. Pure and
// deterministic; the CLI, the Review page and the revision commit message read the same result.
import type { SovereignManifest } from '../../schemas/manifest';
import { componentChanges, type ComponentChanges } from './component-changes';
import { destructiveChanges, type DestructiveChange } from './destructive';
import { fieldChanges, walkChanges, type FieldChange } from './field-changes';
import { regionChanges, type RegionChange } from './region-changes';
import { summarySentences, summaryTitle } from './sentences';

export interface ChangeSummary {
  /** True when the two manifests are the same document (every field but `$schema` deep-equal). */
  readonly unchanged: boolean;
  readonly components: ComponentChanges;
  readonly regions: readonly RegionChange[];
  /** Every other changed field: organisation, topology, storage, DNS, blueprints, ... */
  readonly settings: readonly FieldChange[];
  readonly destructive: readonly DestructiveChange[];
  /** One line: `Adds 5 components; region-1 changed; 1 setting changed` (a commit subject). */
  readonly title: string;
  /** The change as sentences, in the order above, destructive ones last. */
  readonly sentences: readonly string[];
}

/** Paths with a structured report of their own (components, regions), and the derived order. */
const OWN = new Set(['spec.components', 'spec.installOrder', 'spec.infrastructure.regions']);

type RawChange = { path: string; before: unknown; after: unknown };

/** Order or bookkeeping differences of the component lists that the component report does not show. */
function listChanges(
  base: SovereignManifest,
  next: SovereignManifest,
  components: ComponentChanges,
  all: readonly RawChange[],
): RawChange[] {
  const out: RawChange[] = [];
  const same = components.added.length === 0 && components.removed.length === 0;
  const a = base.spec;
  const b = next.spec;
  const differs = (path: string) => all.some((c) => c.path.startsWith(path));
  // installOrder follows from the set; only a reordering of the same set is a change of its own.
  if (same && differs('spec.installOrder'))
    out.push({ path: 'spec.installOrder', before: a.installOrder, after: b.installOrder });
  if (same && components.updated.length === 0 && differs('spec.components'))
    out.push({
      path: 'spec.components',
      before: a.components.map((c) => c.id),
      after: b.components.map((c) => c.id),
    });
  return out;
}

/** The change from `base` to `next`. */
export function changeSummary(base: SovereignManifest, next: SovereignManifest): ChangeSummary {
  const components = componentChanges(base, next);
  const regions = regionChanges(base, next);
  // `$schema` only tells an editor where the JSON Schema is (JSON exports carry it, YAML a modeline).
  const all = walkChanges(base, next, '', (p) => p === '$schema');
  const own = (path: string) => [...OWN].some((p) => path === p || path.startsWith(`${p}[`));
  const raw = [...all.filter((c) => !own(c.path)), ...listChanges(base, next, components, all)];
  const settings = fieldChanges(raw, {
    before: base.spec.infrastructure.provider,
    after: next.spec.infrastructure.provider,
  });
  const destructive = destructiveChanges(components, regions, settings);
  const unchanged = all.length === 0;
  const parts = { components, regions, settings, destructive };
  return {
    unchanged,
    ...parts,
    title: summaryTitle(parts, unchanged),
    sentences: summarySentences(parts),
  };
}
