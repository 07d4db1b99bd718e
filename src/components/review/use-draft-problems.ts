// Review's one view of what is still wrong with the draft: the field rules of every step (with
// the secrets, which the API cannot check), then the verdict the API and `catalyst validate` give
// on the draft's manifest (planProblems: contract, placement, capacity per cluster), each placed
// on the field that decides it. Several sections ask (the problem list, Provision, the stepper);
// the answer is computed once per draft and secrets.
import { useMemo } from 'react';
import { fieldProblems, type FieldProblem } from '../../shared/lib/manifest/field-map';
import { validateDraft } from '../../shared/lib/draft';
import { buildManifest } from '../../shared/lib/manifest/build';
import { planProblems, planWarnings } from '../../shared/lib/plan-problems';
import type { ManifestProblem } from '../../shared/schemas/manifest';
import type { Draft, DraftSecrets } from '../../shared/schemas/draft';
import { useDraftStore } from '../../shared/store/draft-store';
import { useRevisionStore, withoutKeptSecrets } from '../../shared/store/revision-store';
import { useSecretsStore } from '../../shared/store/secrets-store';

/** One problem on Review: its step, its draft field (null: the step as a whole) and words. */
export interface DraftProblem extends Omit<FieldProblem, 'manifestPath'> {
  /** The manifest path the API names for it; null for a check only the wizard can make. */
  manifestPath: string | null;
}

/**
 * Every problem of a draft: the wizard's own field rules first, then the API's verdict on its
 * manifest where it names a field the wizard has not already flagged (one message per field).
 * Empty exactly when the API admits the manifest and every secret is well-formed.
 */
export function draftProblems(draft: Draft, secrets: DraftSecrets): DraftProblem[] {
  const own: DraftProblem[] = validateDraft(draft, secrets).map((e) => ({
    ...e,
    manifestPath: null,
  }));
  const flagged = new Set(own.map((e) => e.path));
  const manifest = buildManifest(draft);
  const ids = manifest.spec.components.map((c) => c.id);
  const server = fieldProblems(planProblems(manifest), ids).filter(
    (p) => p.path === null || !flagged.has(p.path),
  );
  return [...own, ...server];
}

const cache = new WeakMap<Draft, WeakMap<DraftSecrets, readonly DraftProblem[]>>();

/** draftProblems, computed once per draft and secrets (Review's sections and the stepper ask). */
export function problemsOf(draft: Draft, secrets: DraftSecrets): readonly DraftProblem[] {
  let bySecrets = cache.get(draft);
  if (!bySecrets) cache.set(draft, (bySecrets = new WeakMap()));
  let problems = bySecrets.get(secrets);
  if (!problems) bySecrets.set(secrets, (problems = draftProblems(draft, secrets)));
  return problems;
}

/**
 * Every remaining problem in the draft, the same list for every caller until something changes.
 * In revision mode with "Keep the stored secrets", a secret left empty is not a problem.
 */
export function useDraftProblems(): readonly DraftProblem[] {
  const draft = useDraftStore((s) => s.draft);
  const secrets = useSecretsStore((s) => s.secrets);
  const keep = useRevisionStore((s) => s.base !== null && s.keepSecrets);
  return useMemo(
    () => withoutKeptSecrets(problemsOf(draft, secrets), { ...secrets }, keep),
    [draft, secrets, keep],
  );
}

/** The plan's warnings (planWarnings, what `catalyst validate` prints too): they do not block. */
export function useDraftWarnings(): readonly ManifestProblem[] {
  const draft = useDraftStore((s) => s.draft);
  return useMemo(() => planWarnings(buildManifest(draft)), [draft]);
}
