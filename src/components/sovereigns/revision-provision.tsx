import { useId, useState } from 'react';
import { useRevisionStore, type RevisionBase } from '../../shared/store/revision-store';
import { ApiTokenDialog } from '../deployments/api-token-dialog';
import { ServerProblems } from '../deployments/server-problems';
import { useDraftProblems } from '../review/use-draft-problems';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Checkbox } from '../ui/choice';
import { StaleBaseNotice } from './stale-base-notice';
import { useCommitRevision, type CommitFailure } from './use-commit-revision';
import { useRevisionDiff } from './use-revision-diff';

function Failure({ base, failure }: { base: RevisionBase; failure: CommitFailure }) {
  if (failure.kind === 'stale-base')
    return <StaleBaseNotice base={base} message={failure.error.message} />;
  if (failure.kind === 'problems') return <ServerProblems error={failure.error} />;
  if (failure.kind === 'unauthorized') return null;
  return (
    <Alert tone="danger" role="alert">
      <p className="font-semibold">The revision was not committed</p>
      <p>{failure.error.message}</p>
    </Alert>
  );
}

/** Why the commit button is disabled, in words; null when it is not. */
function blockedReason(o: {
  problems: number;
  computing: boolean;
  unchanged: boolean;
  unconfirmed: boolean;
}): string | null {
  if (o.problems > 0)
    return o.problems === 1
      ? 'Fix the problem listed at the top of Review to commit.'
      : `Fix the ${o.problems} problems listed at the top of Review to commit.`;
  if (o.computing) return 'Computing the change…';
  if (o.unchanged) return 'Nothing changes: there is nothing to commit.';
  if (o.unconfirmed) return 'Confirm above that you understand what this destroys.';
  return null;
}

/** Review's Provision slot in revision mode: commits the draft as revision base+1. */
export function RevisionProvision({ base }: { base: RevisionBase }) {
  const ids = { confirm: useId(), reason: useId() };
  const keepSecrets = useRevisionStore((s) => s.keepSecrets);
  const problems = useDraftProblems().length;
  const diff = useRevisionDiff(base);
  const { commit, pending, failure } = useCommitRevision(base);
  const [confirmed, setConfirmed] = useState(false);
  const [tokenAsked, setTokenAsked] = useState(false);
  const destructive = diff.data?.summary.destructive ?? [];
  const reason = blockedReason({
    problems,
    computing: !diff.data,
    unchanged: diff.data?.summary.unchanged === true,
    unconfirmed: destructive.length > 0 && !confirmed,
  });
  const next = base.revision + 1;

  return (
    <div className="space-y-3">
      <p className="text-sm text-fg-muted">
        Commits the change to {base.name}&apos;s repository as revision {next}, edited from revision{' '}
        {base.revision}, and runs the pipeline for it.
        {keepSecrets ? ' Secrets left empty are the ones the server stores.' : ''}
      </p>
      {destructive.length > 0 ? (
        <Checkbox
          id={ids.confirm}
          label={`I understand this destroys data: ${destructive.map((d) => d.message).join(' ')}`}
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="primary"
          onClick={() => {
            setTokenAsked(false);
            commit();
          }}
          disabled={reason !== null || pending}
          aria-describedby={reason ? ids.reason : undefined}
        >
          {pending ? 'Committing…' : `Commit revision ${next}`}
        </Button>
        {reason ? (
          <p id={ids.reason} className="text-sm text-fg-muted">
            {reason}
          </p>
        ) : null}
      </div>
      {failure ? <Failure base={base} failure={failure} /> : null}
      <ApiTokenDialog
        open={failure?.kind === 'unauthorized' && !tokenAsked}
        onCancel={() => setTokenAsked(true)}
        onSaved={() => {
          setTokenAsked(true);
          commit();
        }}
      />
    </div>
  );
}
