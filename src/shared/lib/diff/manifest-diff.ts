// The whole change between two revisions of a Sovereign: the summary in words and the diff of
// the repository each renders (the Flux tree plus infra/, as the API's pipeline commits it).
import type { SovereignManifest } from '../../schemas/manifest';
import { renderFluxTree } from '../flux/render-flux-tree';
import { infraFiles, repositoryUrlOf } from '../tofu';
import { changeSummary, type ChangeSummary } from './change-summary';
import { treeDiff, type TreeDiff, type TreeFile } from './tree-diff';

export interface RepositoryOptions {
  /** The URL the clusters clone from (default: the placeholder the CLI and previews use). */
  readonly repositoryUrl?: string;
}

/** The files a manifest's repository holds: the Flux tree and infra/, sorted by path. */
export function sovereignFiles(
  manifest: SovereignManifest,
  options: RepositoryOptions = {},
): TreeFile[] {
  const tree = renderFluxTree(manifest, { repositoryUrl: options.repositoryUrl });
  const infra = infraFiles(manifest, {
    repositoryUrl: repositoryUrlOf(tree) ?? options.repositoryUrl,
  });
  return [...tree, ...infra].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface ManifestDiff {
  readonly summary: ChangeSummary;
  readonly tree: TreeDiff;
}

export interface ManifestDiffOptions extends RepositoryOptions {
  /**
   * The base's files when already at hand (the committed tree of the base revision, or a render
   * kept from before the edit): then only `next` is rendered, which halves the time.
   */
  readonly baseFiles?: readonly TreeFile[];
}

/** The summary and the repository diff from `base` to `next`. */
export function manifestDiff(
  base: SovereignManifest,
  next: SovereignManifest,
  options: ManifestDiffOptions = {},
): ManifestDiff {
  const baseFiles = options.baseFiles ?? sovereignFiles(base, options);
  return {
    summary: changeSummary(base, next),
    tree: treeDiff(baseFiles, sovereignFiles(next, options)),
  };
}

/** The summary as text: the title, then one line per sentence (`!` marks data loss). */
export function formatChangeSummary(summary: ChangeSummary): string {
  const lines = [summary.title];
  for (const s of summary.sentences)
    lines.push(`${s.startsWith('Destroys data:') ? '!' : '-'} ${s}`);
  return `${lines.join('\n')}\n`;
}
