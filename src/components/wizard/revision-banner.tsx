import { useId, useState } from 'react';
import { useRevisionStore } from '../../shared/store/revision-store';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Checkbox } from '../ui/choice';
import { ConfirmDialog } from '../ui/dialog';

/**
 * Revision mode's banner on every step: which Sovereign and revision the draft changes, "Keep the
 * stored secrets" (secrets are not in stored manifests: type them again, or let the server reuse
 * its own), and "Stop changing", which asks first and then only ends revision mode.
 */
export function RevisionBanner() {
  const base = useRevisionStore((s) => s.base);
  const setBase = useRevisionStore((s) => s.setBase);
  const keepSecrets = useRevisionStore((s) => s.keepSecrets);
  const setKeepSecrets = useRevisionStore((s) => s.setKeepSecrets);
  const keepId = useId();
  const [asking, setAsking] = useState(false);
  if (!base) return null;
  return (
    <Alert
      tone="info"
      role="region"
      aria-label="Revision mode"
      className="flex flex-wrap items-center justify-between gap-2"
    >
      <p>
        Changing <span className="font-semibold">{base.name}</span>, from revision {base.revision}
      </p>
      <Checkbox
        id={keepId}
        label="Keep the stored secrets"
        description="Leave secrets empty: the server reuses the ones it holds for this Sovereign."
        checked={keepSecrets}
        onChange={(e) => setKeepSecrets(e.target.checked)}
      />
      <Button size="sm" onClick={() => setAsking(true)}>
        Stop changing
      </Button>
      <ConfirmDialog
        open={asking}
        title={`Stop changing ${base.name}?`}
        body={
          <p>
            The wizard stops comparing the draft with revision {base.revision} and Review offers a
            new Sovereign&apos;s Provision instead. Your draft is kept as it is; nothing is
            committed.
          </p>
        }
        confirmLabel="Stop changing"
        cancelLabel="Keep changing"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          setBase(null);
        }}
      />
    </Alert>
  );
}
