// A tree diff as text: `git diff`-style unified output per file (what `catalyst diff --tree`
// prints and `git apply` reads), with a comment line per cluster/category group.
import type { Hunk } from './line-diff';
import type { DiffGroup, FileDiff, TreeDiff } from './tree-diff';

const range = (start: number, lines: number) => (lines === 1 ? `${start}` : `${start},${lines}`);

/** `@@ -1,4 +1,5 @@` and the hunk's lines. */
export function formatHunk(h: Hunk): string {
  let out = `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n`;
  for (const l of h.lines) {
    out += `${l.op}${l.text}\n`;
    if (l.noNewline) out += '\\ No newline at end of file\n';
  }
  return out;
}

/** One file's unified diff with git's headers (new/deleted file mode for added/removed files). */
export function formatFileDiff(f: FileDiff): string {
  const head =
    f.status === 'added'
      ? `new file mode 100644\n--- /dev/null\n+++ b/${f.path}\n`
      : f.status === 'removed'
        ? `deleted file mode 100644\n--- a/${f.path}\n+++ /dev/null\n`
        : `--- a/${f.path}\n+++ b/${f.path}\n`;
  return `diff --git a/${f.path} b/${f.path}\n${head}${f.hunks.map(formatHunk).join('')}`;
}

/** `acme-hz-fsn1 · components: 3 files, +120 −0`. */
export function groupTitle(g: DiffGroup): string {
  const where = g.cluster ?? 'repository root';
  const n = g.files.length;
  return `${where} · ${g.category}: ${n} file${n === 1 ? '' : 's'}, +${g.additions} −${g.deletions}`;
}

/** The whole tree diff as unified text, one `# group` comment line before each group. */
export function formatTreeDiff(diff: TreeDiff): string {
  if (diff.files.length === 0) return '';
  let out = '';
  for (const g of diff.groups) {
    out += `# ${groupTitle(g)}\n`;
    for (const f of g.files) out += formatFileDiff(f);
  }
  return out;
}

/** `5 files changed, +120 −4` */
export function treeDiffStat(diff: TreeDiff): string {
  const n = diff.files.length;
  return `${n} file${n === 1 ? '' : 's'} changed, +${diff.additions} −${diff.deletions}`;
}
