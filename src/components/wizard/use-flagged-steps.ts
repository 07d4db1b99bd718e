import { useEffect, useMemo, useState } from 'react';
import type { StepId } from '../../shared/constants/steps';
import { useDraftStore } from '../../shared/store/draft-store';
import { useRevisionStore, withoutKeptSecrets } from '../../shared/store/revision-store';
import { useSecretsStore } from '../../shared/store/secrets-store';

type ProblemsModule = typeof import('../review/use-draft-problems');

let loaded: ProblemsModule | undefined;
const NONE: ReadonlySet<StepId> = new Set();

/**
 * The steps with a problem Review lists (the same verdict the API gives), for the stepper's
 * marks. The checks load after the first paint, so the frame does not wait for them.
 */
export function useFlaggedSteps(): ReadonlySet<StepId> {
  const [mod, setMod] = useState(loaded);
  const draft = useDraftStore((s) => s.draft);
  const secrets = useSecretsStore((s) => s.secrets);
  useEffect(() => {
    if (mod) return;
    let live = true;
    void import('../review/use-draft-problems').then((m) => {
      loaded = m;
      if (live) setMod(m);
    });
    return () => {
      live = false;
    };
  }, [mod]);
  const keep = useRevisionStore((s) => s.base !== null && s.keepSecrets);
  return useMemo(
    () =>
      mod
        ? new Set(
            withoutKeptSecrets(mod.problemsOf(draft, secrets), { ...secrets }, keep).map(
              (p) => p.step,
            ),
          )
        : NONE,
    [mod, draft, secrets, keep],
  );
}
