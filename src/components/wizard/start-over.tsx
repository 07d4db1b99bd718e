import { Suspense, lazy, useState } from 'react';
import { Button } from '../ui/button';

// The dialog's code loads on the first click: the first page never needs it.
const ConfirmDialog = lazy(() =>
  import('../ui/dialog').then((m) => ({ default: m.ConfirmDialog })),
);

/** "Start over" with a confirmation; `onConfirm` discards the draft and the secrets. */
export function StartOver({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so closing returns focus to the button like any dialog.
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        Start over
      </Button>
      {used && (
        <Suspense fallback={null}>
          <ConfirmDialog
            open={open}
            title="Start over?"
            body="Every value you entered, tokens included, is discarded and the wizard returns to its first step."
            confirmLabel="Discard and start over"
            cancelLabel="Keep my draft"
            tone="danger"
            onCancel={() => setOpen(false)}
            onConfirm={() => {
              setOpen(false);
              onConfirm();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
