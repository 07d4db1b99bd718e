// Diff benchmark: the change from the default selection to the full catalog on a four-region
// (citadel) Sovereign: the summary in words plus the repository diff, rendering both trees.
import { createDefaultDraft } from '../src/shared/lib/draft';
import { changeSummary, manifestDiff, sovereignFiles, treeDiff } from '../src/shared/lib/diff';
import { buildManifest } from '../src/shared/lib/manifest';
import { fourRegionDraft } from './manifest';
import { medianMs } from './stats';

/**
 * Median ms of the whole diff (rendering both trees), of the diff with the base tree at hand
 * (what Review recomputes after an edit), and of its parts: the two renders, the summary, the
 * file diff alone.
 */
export function benchDiff(): Record<string, number> {
  const full = fourRegionDraft();
  const defaults = structuredClone(full);
  defaults.components.chosen = createDefaultDraft().components.chosen;
  const base = buildManifest(defaults);
  const next = buildManifest(full);
  const baseFiles = sovereignFiles(base);
  const nextFiles = sovereignFiles(next);
  const result = manifestDiff(base, next);
  return {
    'diff.fourRegions.ms': medianMs(() => manifestDiff(base, next), 20),
    'diff.fourRegions.baseRendered.ms': medianMs(() => manifestDiff(base, next, { baseFiles }), 20),
    'diff.fourRegions.render.ms': medianMs(() => [sovereignFiles(base), sovereignFiles(next)], 20),
    'diff.fourRegions.summary.ms': medianMs(() => changeSummary(base, next), 50),
    'diff.fourRegions.treeDiff.ms': medianMs(() => treeDiff(baseFiles, nextFiles), 20),
    'diff.fourRegions.files': result.tree.files.length,
    'diff.fourRegions.lines': result.tree.additions + result.tree.deletions,
  };
}
