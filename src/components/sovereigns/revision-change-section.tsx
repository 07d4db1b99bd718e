import type { RevisionBase } from '../../shared/store/revision-store';
import { Alert } from '../ui/alert';
import { Card } from '../ui/card';
import { ChangeView } from './change-view';
import { useRevisionDiff } from './use-revision-diff';

/** Review's first section in revision mode: the change against the base, in words then files. */
export function RevisionChangeSection({ base }: { base: RevisionBase }) {
  const diff = useRevisionDiff(base);
  return (
    <Card>
      <section aria-labelledby="review-change" className="space-y-3">
        <h2 id="review-change" className="text-lg font-semibold">
          Change
        </h2>
        <p className="text-sm text-fg-muted">
          What committing this draft changes in {base.name}, against revision {base.revision}.
        </p>
        {diff.data ? (
          <ChangeView diff={diff.data} />
        ) : diff.isError ? (
          <Alert tone="danger" role="alert">
            The change cannot be computed: {diff.error.message}
          </Alert>
        ) : (
          <p className="text-sm text-fg-muted">Computing the change…</p>
        )}
      </section>
    </Card>
  );
}
