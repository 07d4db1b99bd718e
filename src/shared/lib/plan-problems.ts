// The one verdict on a Sovereign plan, shared by the API's admission (server/manifest-check.ts),
// `catalyst validate` (cli/commands.ts) and Review (buildManifest of the draft): the manifest
// contract and its field rules (validateManifest, or the reader that migrates and then runs it),
// then what runs where and whether it fits (placement, then capacity per cluster). A plan one of
// them calls ready, the others accept.
import type { ManifestProblem, SovereignManifest } from '../schemas/manifest';
import { isComponentId } from '../constants/components';
import { admissionProblems, capacityWarnings } from './manifest/capacity';
import { validateManifest } from './manifest/validate';
import { chartValuesProblems, type ChartValidatorLookup } from './chart-values-check';
import { missingGpuNote, planHasGpu } from './hardware';

type Contract =
  { ok: true; manifest: SovereignManifest } | { ok: false; problems: ManifestProblem[] };

/**
 * A contract verdict completed with the plan checks: a manifest that passed the contract is
 * refused when a chosen component has no region to run on or a cluster's nodes cannot carry it,
 * and (given `chartValidators`) when a release's merged values break its chart's values schema.
 * Contract problems are returned as they are (the plan of an invalid manifest is not judged).
 */
export function admitPlan<T extends Contract>(
  contract: T,
  chartValidators?: ChartValidatorLookup,
): T | { ok: false; problems: ManifestProblem[] } {
  if (!contract.ok) return contract;
  const problems = admissionProblems(contract.manifest);
  if (chartValidators)
    for (const p of chartValuesProblems(contract.manifest, chartValidators)) problems.push(p);
  return problems.length > 0 ? { ok: false, problems } : contract;
}

/**
 * Every problem of a manifest built from a wizard draft (well-typed, possibly incomplete): the
 * contract's, and also the plan's while the contract still fails, so Review names a cluster that
 * does not fit before every other field is filled in. For a manifest that passes the contract it is
 * exactly what admitPlan answers; empty exactly when the API and `catalyst validate` admit it.
 */
export function planProblems(manifest: SovereignManifest): ManifestProblem[] {
  const contract = validateManifest(manifest);
  if (contract.ok) return admissionProblems(contract.manifest);
  const problems = contract.problems;
  for (const p of admissionProblems(manifest)) problems.push(p);
  return problems;
}

/** The installed components that need a GPU, when no node size of the plan has one. */
export function hardwareWarnings(manifest: SovereignManifest): ManifestProblem[] {
  const { provider, regions } = manifest.spec.infrastructure;
  const hasGpu = planHasGpu(provider, regions);
  return manifest.spec.components.flatMap((c, i) => {
    const note = isComponentId(c.id) ? missingGpuNote(c.id, hasGpu) : null;
    return note ? [{ path: `spec.components[${i}]`, message: note }] : [];
  });
}

/**
 * What a plan can be admitted with but should not go unsaid (Review, `catalyst validate` and the
 * component cards show them): components that need hardware no chosen size has, and clusters
 * whose nodes are nearly full.
 */
export function planWarnings(manifest: SovereignManifest): ManifestProblem[] {
  return [...hardwareWarnings(manifest), ...capacityWarnings(manifest)];
}
