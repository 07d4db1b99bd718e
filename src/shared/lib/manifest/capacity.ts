// The capacity verdict on a manifest, shared by the API's admission and the CLI's validate/render,
// so both accept and reject the same manifests. Each region's cluster is checked against what
// really runs on it (placement.ts), not the whole platform.
import type { ManifestProblem, SovereignManifest } from '../../schemas/manifest';
import { WARN_RATIO, computeCapacity } from '../capacity';
import { clusterRequests } from '../cluster-capacity';
import { configFromManifest } from './config';
import { capacityInputs } from '../node-pools';
import { planManifest } from '../placement';
import { placementProblems } from '../placement-check';

/** Each region's cluster against its nodes (what really runs on it: placement and settings). */
function regionReports(manifest: SovereignManifest) {
  const { provider, regions } = manifest.spec.infrastructure;
  return computeCapacity(
    clusterRequests(
      planManifest(manifest).clusters,
      configFromManifest(manifest.spec.components).settings ?? {},
    ),
    capacityInputs(provider, regions).specs,
  ).regions;
}

/** One finding per region at `level`: the region named once, then each resource in words. */
function regionFindings(
  manifest: SovereignManifest,
  level: 'warn' | 'error',
  lead: string,
): ManifestProblem[] {
  return regionReports(manifest).flatMap((r, i) =>
    r.level === level
      ? [
          {
            path: `spec.infrastructure.regions[${i}]`,
            message: `${lead}: Region ${i + 1} (${r.name}): ${r.findings.join('; ')}`,
          },
        ]
      : [],
  );
}

/** Problems that make a cluster not fit its nodes (capacity level 'error'), one per region. */
export function capacityProblems(manifest: SovereignManifest): ManifestProblem[] {
  return regionFindings(manifest, 'error', 'Nodes too small for the installed components');
}

/**
 * Clusters that fit but leave less than a fifth of a resource free (level 'warn'): not a
 * problem, a warning with the same numbers as Review's capacity box.
 */
export function capacityWarnings(manifest: SovereignManifest): ManifestProblem[] {
  return regionFindings(manifest, 'warn', `Nodes nearly full (above ${WARN_RATIO * 100}%)`);
}

/** What the API and the CLI judge after the contract: placement, then capacity per cluster. */
export function admissionProblems(manifest: SovereignManifest): ManifestProblem[] {
  return [...placementProblems(manifest), ...capacityProblems(manifest)];
}
