import { useState } from 'react';
import { ApiError } from '../../shared/api/client';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ApiTokenDialog } from './api-token-dialog';

/** A failed load, with Retry, or a way to enter the API token when the server asked for one. */
export function QueryError({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: unknown;
  onRetry: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const unauthorized = error instanceof ApiError && error.status === 401;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert tone="danger" role="alert" className="space-y-2">
      <p className="font-semibold">Cannot load {what}</p>
      <p>{message}</p>
      {unauthorized ? (
        <Button variant="primary" onClick={() => setAsking(true)}>
          Enter API token
        </Button>
      ) : (
        <Button onClick={onRetry}>Retry</Button>
      )}
      <ApiTokenDialog
        open={asking}
        onCancel={() => setAsking(false)}
        onSaved={() => {
          setAsking(false);
          onRetry();
        }}
      />
    </Alert>
  );
}
