import { useState } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/dialog';
import { useChangeSovereign } from './use-change-sovereign';

export interface ChangeSovereignButtonProps {
  name: string;
  /** Start from this revision instead of the latest (a roll back: the base stays the latest). */
  from?: number;
  label?: string;
  variant?: 'primary' | 'secondary';
}

/**
 * "Change this Sovereign": asks before replacing the wizard's draft, then opens the Sovereign in
 * revision mode on Review; a failure is said beside the button.
 */
export function ChangeSovereignButton({
  name,
  from,
  label = 'Change this Sovereign',
  variant = 'primary',
}: ChangeSovereignButtonProps) {
  const { open, pending, error } = useChangeSovereign();
  const [asking, setAsking] = useState(false);
  const which = from === undefined ? 'its latest revision' : `revision ${from}`;
  return (
    <div className="space-y-2">
      <Button variant={variant} onClick={() => setAsking(true)} disabled={pending}>
        {pending ? 'Opening…' : label}
      </Button>
      {error ? (
        <Alert tone="danger" role="alert">
          Cannot open {name} in the wizard: {error}
        </Alert>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={`Open ${name} in the wizard?`}
        body={
          <p>
            The wizard&apos;s draft is replaced by {which} of {name}. Secrets are not stored in
            manifests: enter them again, or keep the ones the server stores.
          </p>
        }
        confirmLabel="Open in the wizard"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void open(name, from);
        }}
      />
    </div>
  );
}
