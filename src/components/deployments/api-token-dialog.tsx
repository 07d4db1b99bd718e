import { useId, useState } from 'react';
import { setApiToken } from '../../shared/api/client';
import { Button } from '../ui/button';
import { Modal } from '../ui/dialog';
import { Field } from '../ui/field';
import { PasswordInput } from '../ui/password-input';

export interface ApiTokenDialogProps {
  open: boolean;
  /** Called after the token is stored in sessionStorage; the caller retries its request. */
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * Asks for the bootstrap API's bearer token (CATALYST_API_TOKEN) after a 401, on the native
 * <dialog>. The token is kept in sessionStorage for this tab only.
 */
export function ApiTokenDialog({ open, onSaved, onCancel }: ApiTokenDialogProps) {
  const titleId = useId();
  const inputId = useId();
  const [token, setToken] = useState('');

  return (
    <Modal open={open} onCancel={onCancel} labelledBy={titleId}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!token.trim()) return;
          setApiToken(token.trim());
          setToken('');
          onSaved();
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          API token required
        </h2>
        <p className="text-sm text-fg-muted">
          This bootstrap API asks for a token (its <code>CATALYST_API_TOKEN</code>). It is kept for
          this browser tab only.
        </p>
        <Field id={inputId} label="API token">
          {(control) => (
            <PasswordInput
              {...control}
              value={token}
              required
              onChange={(e) => setToken(e.target.value)}
            />
          )}
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!token.trim()}>
            Save and retry
          </Button>
        </div>
      </form>
    </Modal>
  );
}
