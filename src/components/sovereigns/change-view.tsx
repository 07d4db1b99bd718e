// The diff view Review and the compare view share: what destroys data, the change in words,
// then the files.
import type { ManifestDiff } from '../../shared/lib/diff/manifest-diff';
import { Alert } from '../ui/alert';
import { ChangeSummaryView } from './change-summary-view';
import { FileDiffView } from './file-diff-view';

/** The destructive changes of a diff, as an alert list; nothing when there are none. */
export function DestructiveChanges({ diff }: { diff: ManifestDiff }) {
  const list = diff.summary.destructive;
  if (list.length === 0) return null;
  return (
    <Alert tone="danger" role="alert" className="space-y-1">
      <p className="font-semibold">This change destroys data</p>
      <ul className="list-disc pl-5">
        {list.map((d) => (
          <li key={`${d.kind}:${d.subject}`}>{d.message}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** A whole change: destructive flags, summary in words, files per cluster and category. */
export function ChangeView({ diff }: { diff: ManifestDiff }) {
  return (
    <div className="space-y-4">
      <DestructiveChanges diff={diff} />
      <ChangeSummaryView summary={diff.summary} />
      {diff.summary.unchanged ? null : (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Files</h3>
          <FileDiffView tree={diff.tree} />
        </div>
      )}
    </div>
  );
}
