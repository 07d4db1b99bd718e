// Opening a Sovereign in the wizard (revision mode): the latest revision becomes the base, the
// chosen revision's manifest (the latest, or an older one to roll back) becomes the draft through
// the same path as Review's Import, and the wizard opens on Review.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { fetchRevisionManifestText, sovereignQueryOptions } from '../../shared/api/sovereigns';
import { useRevisionStore } from '../../shared/store/revision-store';
import { useServerProblemsStore } from '../../shared/store/server-problems-store';
import { analyseManifestText } from '../manifest/import-manifest';
import { applyImport } from '../review/import-dialog';
import { stepPath } from '../../shared/constants/routes';

const analysed = (text: string, revision: number) => {
  const a = analyseManifestText(text);
  if (!a.ok)
    throw new Error(
      `The manifest of revision ${revision} cannot be read: ${a.problems[0]?.message ?? ''}`,
    );
  return a;
};

/**
 * `open(name, from?)` loads revision `from` (default: the latest) of `name` into the draft with
 * the latest revision as its base, then goes to Review. `error` says why it could not.
 */
export function useChangeSovereign() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = useCallback(
    async (name: string, from?: number) => {
      setPending(true);
      setError(null);
      try {
        const sovereign = await client.fetchQuery({ ...sovereignQueryOptions(name), staleTime: 0 });
        const latest = sovereign.revisions.at(-1)?.revision;
        if (latest === undefined) throw new Error(`${name} has no revision yet`);
        const base = analysed(await fetchRevisionManifestText(name, latest), latest);
        const start =
          from === undefined || from === latest
            ? base
            : analysed(await fetchRevisionManifestText(name, from), from);
        applyImport(start);
        useServerProblemsStore.getState().clearServerProblems();
        useRevisionStore.getState().setBase({ name, revision: latest, manifest: base.manifest });
        void navigate(stepPath('review'));
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      } finally {
        setPending(false);
      }
    },
    [client, navigate],
  );

  return { open, pending, error };
}
