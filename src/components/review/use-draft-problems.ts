// Review's one view of what is still wrong with the draft (secrets included), and components no
// region can carry (the placement check the API runs too). Several sections ask; the answer is
// computed once per draft and secrets.
import { useMemo } from 'react';
import { draftFieldOfManifestPath } from '../../shared/api/problem-fields';
import type { FieldError } from '../../shared/lib/draft-defaults';
import { validateDraft } from '../../shared/lib/draft';
import { planDraft } from '../../shared/lib/draft-plan';
import { unplacedProblems } from '../../shared/lib/placement-check';
import type { Draft, DraftSecrets } from '../../shared/schemas/draft';
import { useDraftStore } from '../../shared/store/draft-store';
import { useSecretsStore } from '../../shared/store/secrets-store';

/** Components no region's building blocks can carry, on the field that decides it. */
function placementErrors(draft: Draft): FieldError[] {
  return unplacedProblems(planDraft(draft)).flatMap((p) => {
    const at = draftFieldOfManifestPath(p.path);
    return at?.path ? [{ step: at.step, path: at.path, message: p.message }] : [];
  });
}

const cache = new WeakMap<Draft, WeakMap<DraftSecrets, readonly FieldError[]>>();

function problemsOf(draft: Draft, secrets: DraftSecrets): readonly FieldError[] {
  let bySecrets = cache.get(draft);
  if (!bySecrets) cache.set(draft, (bySecrets = new WeakMap()));
  let problems = bySecrets.get(secrets);
  if (!problems)
    bySecrets.set(
      secrets,
      (problems = [...validateDraft(draft, secrets), ...placementErrors(draft)]),
    );
  return problems;
}

/** Every remaining problem in the draft, the same list for every caller until something changes. */
export function useDraftProblems(): readonly FieldError[] {
  const draft = useDraftStore((s) => s.draft);
  const secrets = useSecretsStore((s) => s.secrets);
  return useMemo(() => problemsOf(draft, secrets), [draft, secrets]);
}
