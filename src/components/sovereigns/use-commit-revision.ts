// Submitting the draft as a new revision of its base Sovereign: the manifest with the secrets
// typed (none when the server keeps the stored ones), on the base revision, under the draft's
// Idempotency-Key. Success ends revision mode and opens the Sovereign's page.
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { fieldProblems } from '../../shared/lib/manifest/field-map';
import { useSubmitRevision } from '../../shared/api/sovereigns';
import { buildManifest, withSecrets } from '../../shared/lib/manifest/build';
import { STALE_BASE_CODE } from '../../shared/schemas/sovereigns';
import { useDraftStore } from '../../shared/store/draft-store';
import { useRevisionStore, type RevisionBase } from '../../shared/store/revision-store';
import { useSecretsStore } from '../../shared/store/secrets-store';
import { useServerProblemsStore } from '../../shared/store/server-problems-store';
import { sovereignRoute } from '../../shared/constants/routes';

export type CommitFailure =
  | { kind: 'stale-base'; error: ApiError }
  | { kind: 'problems'; error: ApiError }
  | { kind: 'unauthorized'; error: ApiError }
  | { kind: 'other'; error: ApiError };

function classify(error: unknown): CommitFailure {
  const e =
    error instanceof ApiError
      ? error
      : new ApiError({ kind: 'network', message: 'The request could not be sent' });
  if (e.status === 409 && e.error === STALE_BASE_CODE) return { kind: 'stale-base', error: e };
  if (e.status === 400 && e.problems.length > 0) return { kind: 'problems', error: e };
  if (e.status === 401) return { kind: 'unauthorized', error: e };
  return { kind: 'other', error: e };
}

/** `commit()` sends the draft as revision base+1; `failure` is what the last attempt came to. */
export function useCommitRevision(base: RevisionBase) {
  const mutation = useSubmitRevision();
  const navigate = useNavigate();

  const commit = useCallback(() => {
    const drafts = useDraftStore.getState();
    const key = drafts.idempotencyKey ?? crypto.randomUUID();
    if (key !== drafts.idempotencyKey) drafts.setIdempotencyKey(key);
    const { keepSecrets } = useRevisionStore.getState();
    const manifest = withSecrets(buildManifest(drafts.draft), useSecretsStore.getState().secrets);
    mutation.mutate(
      {
        name: base.name,
        baseRevision: base.revision,
        keepSecrets,
        manifest,
        idempotencyKey: key,
      },
      {
        onError: (error) => {
          if (!(error instanceof ApiError) || error.status !== 400) return;
          const ids = manifest.spec.components.map((c) => c.id);
          const fields = fieldProblems(error.problems, ids).flatMap((p) =>
            p.path ? [{ step: p.step, path: p.path, message: p.message }] : [],
          );
          useServerProblemsStore.getState().setServerProblems(fields, drafts.draft);
        },
        onSuccess: () => {
          useServerProblemsStore.getState().clearServerProblems();
          useDraftStore.getState().setIdempotencyKey(null);
          useRevisionStore.getState().setBase(null);
          void navigate(sovereignRoute(base.name));
        },
      },
    );
  }, [base, mutation, navigate]);

  return {
    commit,
    reset: mutation.reset,
    pending: mutation.isPending,
    failure: mutation.isError ? classify(mutation.error) : null,
  };
}
