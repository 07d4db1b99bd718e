// The file diff of two repository trees (the rendered Flux tree plus infra/): per file added,
// removed or modified, unified hunks with 3 lines of context and +/- counts, grouped by cluster
// and category. `applyDiff` replays it on the base tree (the property tests check it gives the
// next tree exactly).
import { applyHunks, diffLines, lineOf, splitLines, type Hunk } from './line-diff';
import type { TextFile } from '../text-file';

/** A file of a rendered tree. */
export type TreeFile = TextFile;

export type FileStatus = 'added' | 'removed' | 'modified';

/**
 * Where a file belongs: `flux-system` (what a fresh Flux applies first), `config` (namespaces,
 * ExternalSecrets, issuer, gateway), `components` (a HelmRelease and its chart source),
 * `cluster` (the cluster's kustomization, blueprint registry and category Kustomizations),
 * `infra` (OpenTofu module, tfvars, infra docs), `docs` (the tree's README).
 */
export const FILE_CATEGORIES = [
  'flux-system',
  'cluster',
  'config',
  'components',
  'infra',
  'docs',
] as const;
export type FileCategory = (typeof FILE_CATEGORIES)[number];

export interface FileDiff {
  readonly path: string;
  readonly status: FileStatus;
  /** The cluster folder under clusters/, or null for files outside (README.md, infra/). */
  readonly cluster: string | null;
  readonly category: FileCategory;
  /** For `components` files: the component id and its Flux category folder. */
  readonly component?: string;
  readonly fluxCategory?: string;
  readonly additions: number;
  readonly deletions: number;
  readonly hunks: readonly Hunk[];
}

/** The files of one cluster (or of the repository root, `cluster: null`) in one category. */
export interface DiffGroup {
  readonly cluster: string | null;
  readonly category: FileCategory;
  readonly additions: number;
  readonly deletions: number;
  readonly files: readonly FileDiff[];
}

export interface TreeDiff {
  /** Changed files only, by path. */
  readonly files: readonly FileDiff[];
  /** The same files by cluster (root files last) then category (FILE_CATEGORIES order). */
  readonly groups: readonly DiffGroup[];
  readonly additions: number;
  readonly deletions: number;
}

/** Cluster, category and (for a component's files) component of a repository path. */
export function classifyPath(
  path: string,
): Pick<FileDiff, 'cluster' | 'category' | 'component' | 'fluxCategory'> {
  if (path.startsWith('infra/')) return { cluster: null, category: 'infra' };
  const parts = path.split('/');
  if (parts[0] !== 'clusters' || parts.length < 3) return { cluster: null, category: 'docs' };
  const cluster = parts[1]!;
  const [first, second] = parts.slice(2);
  if (first === 'flux-system') return { cluster, category: 'flux-system' };
  if (first === 'config' || first === 'config.yaml') return { cluster, category: 'config' };
  if (parts.length >= 5 && second !== undefined)
    return { cluster, category: 'components', fluxCategory: first, component: second };
  return { cluster, category: 'cluster' };
}

function fileDiff(path: string, base: string | undefined, next: string | undefined): FileDiff {
  const status: FileStatus =
    base === undefined ? 'added' : next === undefined ? 'removed' : 'modified';
  const hunks = diffLines(splitLines(base ?? ''), splitLines(next ?? ''));
  let additions = 0;
  let deletions = 0;
  for (const h of hunks)
    for (const l of h.lines) {
      if (l.op === '+') additions++;
      else if (l.op === '-') deletions++;
    }
  return { path, status, ...classifyPath(path), additions, deletions, hunks };
}

const byPath = (a: { path: string }, b: { path: string }) =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/** Groups changed files by cluster (in first-seen path order, root files last) and category. */
export function groupFiles(files: readonly FileDiff[]): DiffGroup[] {
  const clusters = [...new Set(files.map((f) => f.cluster))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const groups: DiffGroup[] = [];
  for (const cluster of clusters) {
    for (const category of FILE_CATEGORIES) {
      const inGroup = files.filter((f) => f.cluster === cluster && f.category === category);
      if (inGroup.length === 0) continue;
      groups.push({
        cluster,
        category,
        additions: inGroup.reduce((n, f) => n + f.additions, 0),
        deletions: inGroup.reduce((n, f) => n + f.deletions, 0),
        files: inGroup,
      });
    }
  }
  return groups;
}

/** The per-file unified diff from `baseFiles` to `nextFiles` (paths unique within each). */
export function treeDiff(baseFiles: readonly TreeFile[], nextFiles: readonly TreeFile[]): TreeDiff {
  const base = new Map(baseFiles.map((f) => [f.path, f.content]));
  const next = new Map(nextFiles.map((f) => [f.path, f.content]));
  const paths = [...new Set([...base.keys(), ...next.keys()])].sort();
  const files: FileDiff[] = [];
  for (const path of paths) {
    const a = base.get(path);
    const b = next.get(path);
    if (a !== b) files.push(fileDiff(path, a, b));
  }
  return {
    files,
    groups: groupFiles(files),
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
  };
}

/**
 * Replays a tree diff on the base files: removes, adds and patches (every hunk must match the
 * base, else it throws). Returns the files sorted by path.
 */
export function applyDiff(
  baseFiles: readonly TreeFile[],
  diff: Pick<TreeDiff, 'files'>,
): TreeFile[] {
  const files = new Map(baseFiles.map((f) => [f.path, f.content]));
  for (const f of diff.files) {
    const old = files.get(f.path);
    if (f.status === 'added') {
      if (old !== undefined) throw new Error(`${f.path}: added, but the base has it`);
      files.set(f.path, f.hunks.flatMap((h) => h.lines.map(lineOf)).join(''));
      continue;
    }
    if (old === undefined) throw new Error(`${f.path}: ${f.status}, but the base lacks it`);
    const patched = applyHunks(splitLines(old), f.hunks).join('');
    if (f.status === 'removed') {
      if (patched !== '') throw new Error(`${f.path}: removed, but the base holds more`);
      files.delete(f.path);
    } else files.set(f.path, patched);
  }
  return [...files].map(([path, content]) => ({ path, content })).sort(byPath);
}
