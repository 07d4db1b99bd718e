// The repository part of a change: per cluster and category a collapsed <details> with its
// counts, and in it each file's unified diff (+ and − prefixes, not colour alone).
import type { DiffLine, Hunk } from '../../shared/lib/diff/line-diff';
import type { DiffGroup, FileDiff, TreeDiff } from '../../shared/lib/diff/tree-diff';

const LINE_CLASS: Record<DiffLine['op'], string> = {
  '+': 'block bg-ok/15 text-fg no-underline',
  '-': 'block bg-danger/15 text-fg no-underline',
  ' ': 'block text-fg-muted',
};

const STATUS_WORD: Record<FileDiff['status'], string> = {
  added: 'new file',
  removed: 'deleted',
  modified: 'modified',
};

const range = (start: number, lines: number) => (lines === 1 ? `${start}` : `${start},${lines}`);

function HunkLines({ hunk }: { hunk: Hunk }) {
  return (
    <>
      <span className="block text-accent">
        {`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`}
      </span>
      {hunk.lines.map((l, i) => {
        const text = `${l.op}${l.text}`;
        if (l.op === '+')
          return (
            <ins key={i} className={LINE_CLASS['+']}>
              {text}
            </ins>
          );
        if (l.op === '-')
          return (
            <del key={i} className={LINE_CLASS['-']}>
              {text}
            </del>
          );
        return (
          <span key={i} className={LINE_CLASS[' ']}>
            {text}
          </span>
        );
      })}
    </>
  );
}

/** One file: its path, what happened to it, its line counts and its unified diff. */
function FileView({ file }: { file: FileDiff }) {
  return (
    <li className="space-y-1">
      <p className="flex flex-wrap items-baseline gap-x-3 text-sm">
        <code className="font-medium">{file.path}</code>
        <span className="text-xs text-fg-muted">
          {STATUS_WORD[file.status]} · +{file.additions} −{file.deletions} lines
        </span>
      </p>
      <pre
        aria-label={`Diff of ${file.path}`}
        className="max-h-96 overflow-auto rounded-md border border-border bg-muted p-2 font-mono text-xs leading-5"
      >
        {file.hunks.map((h, i) => (
          <HunkLines key={i} hunk={h} />
        ))}
      </pre>
    </li>
  );
}

/** `+2 added −0 removed ~1 modified` files of a group. */
export function fileCounts(files: readonly FileDiff[]): string {
  const n = (s: FileDiff['status']) => files.filter((f) => f.status === s).length;
  return `+${n('added')} added −${n('removed')} removed ~${n('modified')} modified`;
}

function GroupView({ group }: { group: DiffGroup }) {
  return (
    <details className="rounded-md border border-border">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-focus">
        {group.cluster ?? 'repository root'} · {group.category}
        <span className="ml-2 text-xs font-normal text-fg-muted">
          {fileCounts(group.files)} · +{group.additions} −{group.deletions} lines
        </span>
      </summary>
      <ul className="space-y-4 border-t border-border p-3">
        {group.files.map((f) => (
          <FileView key={f.path} file={f} />
        ))}
      </ul>
    </details>
  );
}

/** Every changed file of the repository (the Flux tree and infra/), grouped and collapsed. */
export function FileDiffView({ tree }: { tree: TreeDiff }) {
  if (tree.files.length === 0)
    return <p className="text-sm text-fg-muted">No file of the repository changes.</p>;
  const n = tree.files.length;
  return (
    <div className="space-y-2">
      <p className="text-sm text-fg-muted">
        {n} file{n === 1 ? '' : 's'} change ({fileCounts(tree.files)}), +{tree.additions} −
        {tree.deletions} lines.
      </p>
      {tree.groups.map((g) => (
        <GroupView key={`${g.cluster ?? ''}/${g.category}`} group={g} />
      ))}
    </div>
  );
}
