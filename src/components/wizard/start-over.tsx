import { useState } from 'react';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/dialog';

/** "Start over" with a confirmation; `onConfirm` discards the draft and the secrets. */
export function StartOver({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Start over
      </Button>
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
    </>
  );
}
