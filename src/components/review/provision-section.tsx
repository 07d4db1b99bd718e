import { useState } from 'react';
import { ApiTokenDialog } from '../deployments/api-token-dialog';
import { ServerProblems } from '../deployments/server-problems';
import { useProvision, type ProvisionFailure } from '../deployments/use-provision';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { useDraftProblems } from './use-draft-problems';
import { NameTakenNotice } from './name-taken-notice';

/** The failure of the last attempt, with the action that fits it. */
function FailureNotice({
  failure,
  onRetry,
  onStartNew,
  pending,
}: {
  failure: ProvisionFailure;
  onRetry: () => void;
  onStartNew: () => void;
  pending: boolean;
}) {
  if (failure.kind === 'problems') return <ServerProblems error={failure.error} />;
  if (failure.kind === 'unauthorized') return null;
  if (failure.kind === 'name-taken')
    return <NameTakenNotice error={failure.error} onStartNew={onStartNew} />;
  const conflict = failure.kind === 'conflict';
  const retry = failure.kind === 'retryable';
  return (
    <Alert tone="danger" role="alert" className="space-y-2">
      <p className="font-semibold">
        {retry ? 'Provisioning did not go through' : 'The server refused the request'}
      </p>
      <p>
        {failure.error.message.replace(/\.$/, '')}.{' '}
        {retry
          ? 'Your draft is kept. Retry sends the same request again; it never creates a second deployment.'
          : conflict
            ? 'The draft changed since the first attempt; provision it as a new deployment.'
            : 'Your draft is kept.'}
      </p>
      {retry ? (
        <Button variant="primary" onClick={onRetry} disabled={pending}>
          {pending ? 'Retrying…' : 'Retry'}
        </Button>
      ) : conflict ? (
        <Button onClick={onStartNew}>Provision as a new deployment</Button>
      ) : null}
    </Alert>
  );
}

/** Review's Provision slot: submits the draft to the bootstrap API once Review lists no problem. */
export function ProvisionSection() {
  const problemCount = useDraftProblems().length;
  const { provision, startNew, pending, failure } = useProvision();
  const [tokenAsked, setTokenAsked] = useState(false);
  const blocked = problemCount > 0;
  const askToken = failure?.kind === 'unauthorized' && !tokenAsked;

  return (
    <div className="space-y-3">
      <p className="text-sm text-fg-muted">
        Sends the manifest and its secrets to the bootstrap API, which validates it, writes the
        GitOps repository and the OpenTofu inputs, and reports progress live.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="primary"
          onClick={() => {
            setTokenAsked(false);
            provision();
          }}
          disabled={blocked || pending}
          aria-describedby={blocked ? 'provision-blocked' : undefined}
        >
          {pending ? 'Provisioning…' : 'Provision'}
        </Button>
        {blocked ? (
          <p id="provision-blocked" className="text-sm text-danger">
            {problemCount === 1
              ? 'Fix the problem listed at the top of Review to provision.'
              : `Fix the ${problemCount} problems listed at the top of Review to provision.`}
          </p>
        ) : null}
      </div>
      {failure ? (
        <FailureNotice
          failure={failure}
          pending={pending}
          onRetry={provision}
          onStartNew={startNew}
        />
      ) : null}
      <ApiTokenDialog
        open={askToken}
        onCancel={() => setTokenAsked(true)}
        onSaved={() => {
          setTokenAsked(true);
          provision();
        }}
      />
    </div>
  );
}
