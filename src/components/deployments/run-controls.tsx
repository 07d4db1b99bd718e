import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deploymentKeys, deploymentPath } from '../../shared/api/deployments';
import { apiJson } from '../../shared/api/client';
import type { DeploymentStatus } from '../../shared/constants/domain';
import { deploymentSchema, FINAL_STATUSES } from '../../shared/schemas/api';
import { Button } from '../ui/button';

/** POST …/:id/cancel or …/:id/retry; answers the deployment. */
function control(id: string, action: 'cancel' | 'retry') {
  return apiJson(deploymentPath(id, action), deploymentSchema, {
    method: 'POST',
    timeoutMs: 30_000,
  });
}

/**
 * Cancel while a deployment runs (the executor stops OpenTofu at a safe point; its state is kept),
 * Retry once it failed or was cancelled (OpenTofu plans again from that state).
 */
export function RunControls({ id, status }: { id: string; status: DeploymentStatus | undefined }) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (action: 'cancel' | 'retry') => control(id, action),
    retry: false,
    onSuccess: (d) => client.setQueryData(deploymentKeys.detail(id), d),
  });
  if (status === undefined) return null;
  const running = !FINAL_STATUSES.includes(status);
  const retryable = status === 'failed' || status === 'cancelled';
  if (!running && !retryable) return null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {running ? (
        <Button
          variant="danger"
          size="sm"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate('cancel')}
        >
          {mutation.isPending ? 'Cancelling…' : 'Cancel'}
        </Button>
      ) : (
        <Button size="sm" disabled={mutation.isPending} onClick={() => mutation.mutate('retry')}>
          {mutation.isPending ? 'Retrying…' : 'Retry'}
        </Button>
      )}
      {mutation.isError ? (
        <p role="alert" className="text-sm text-danger">
          {mutation.error.message}
        </p>
      ) : null}
    </div>
  );
}
