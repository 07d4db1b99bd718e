import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { useSubmitDeployment } from '../../shared/api/deployments';
import { fieldProblems } from '../../shared/lib/manifest/field-map';
import { useServerProblemsStore } from '../../shared/store/server-problems-store';
import { SOVEREIGN_EXISTS_CODES } from '../../shared/schemas/api';
import { buildManifest, withSecrets } from '../../shared/lib/manifest/build';
import { useDraftStore } from '../../shared/store/draft-store';
import { useSecretsStore } from '../../shared/store/secrets-store';
import { deploymentRoute } from '../../shared/constants/routes';

/** What the last submit came to, as the Provision section shows it. */
export type ProvisionFailure =
  | { kind: 'problems'; error: ApiError }
  | { kind: 'unauthorized'; error: ApiError }
  | { kind: 'conflict'; error: ApiError }
  /** 409 `sovereign_exists`: the name already has a deployment (and a repository). */
  | { kind: 'name-taken'; error: ApiError }
  | { kind: 'retryable'; error: ApiError }
  | { kind: 'refused'; error: ApiError };

function classify(error: unknown): ProvisionFailure {
  const e =
    error instanceof ApiError
      ? error
      : new ApiError({ kind: 'network', message: 'The request could not be sent' });
  if (e.status === 400 && e.problems.length > 0) return { kind: 'problems', error: e };
  if (e.status === 401) return { kind: 'unauthorized', error: e };
  if (e.status === 409 && SOVEREIGN_EXISTS_CODES.includes(e.error))
    return { kind: 'name-taken', error: e };
  if (e.status === 409) return { kind: 'conflict', error: e };
  if (e.retryable) return { kind: 'retryable', error: e };
  return { kind: 'refused', error: e };
}

/**
 * Submits the draft: the manifest with the secret values in its `secrets` block, under the
 * draft's Idempotency-Key (created on the first attempt, kept until a submit succeeds, so a retry
 * never creates a second deployment). Success clears the key and opens the deployment's page.
 */
export function useProvision() {
  const mutation = useSubmitDeployment();
  const setIdempotencyKey = useDraftStore((s) => s.setIdempotencyKey);
  const navigate = useNavigate();

  const provision = useCallback(() => {
    const { draft, idempotencyKey } = useDraftStore.getState();
    const key = idempotencyKey ?? crypto.randomUUID();
    if (key !== idempotencyKey) setIdempotencyKey(key);
    const manifest = withSecrets(buildManifest(draft), useSecretsStore.getState().secrets);
    mutation.mutate(
      { manifest, idempotencyKey: key },
      {
        onError: (error) => {
          // The server's field problems also show beside their fields on the steps.
          if (!(error instanceof ApiError) || error.status !== 400) return;
          const ids = manifest.spec.components.map((c) => c.id);
          const fields = fieldProblems(error.problems, ids).flatMap((p) =>
            p.path ? [{ step: p.step, path: p.path, message: p.message }] : [],
          );
          useServerProblemsStore.getState().setServerProblems(fields, draft);
        },
        onSuccess: (created) => {
          useServerProblemsStore.getState().clearServerProblems();
          setIdempotencyKey(null);
          // The progress page moves focus to its heading (focus would otherwise fall to <body>).
          void navigate(deploymentRoute(created.id), {
            state: { focusProgress: true },
          });
        },
      },
    );
  }, [mutation, navigate, setIdempotencyKey]);

  /** Forgets the key (after a 409: the draft changed since the key was first used). */
  const startNew = useCallback(() => {
    setIdempotencyKey(null);
    mutation.reset();
  }, [mutation, setIdempotencyKey]);

  return {
    provision,
    startNew,
    pending: mutation.isPending,
    failure: mutation.isError ? classify(mutation.error) : null,
  };
}
