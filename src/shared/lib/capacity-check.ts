// The capacity verdict on a manifest, shared by the API's admission and the CLI's validate/render,
// so both accept and reject the same manifests. Each region's cluster is checked against what
// really runs on it (placement.ts), not the whole platform.
import type { ManifestProblem, SovereignManifest } from '../schemas/manifest';
import { computeCapacity } from './capacity';
import { clusterRequests } from './cluster-capacity';
import { configFromManifest } from './manifest-config';
import { capacityInputs } from './node-pools';
import { planManifest } from './placement';
import { placementProblems } from './placement-check';

/** Problems that make a cluster not fit its nodes (capacity level 'error'), one per region. */
export function capacityProblems(manifest: SovereignManifest): ManifestProblem[] {
  const { provider, regions } = manifest.spec.infrastructure;
  const report = computeCapacity(
    clusterRequests(
      planManifest(manifest).clusters,
      configFromManifest(manifest.spec.components).settings ?? {},
    ),
    capacityInputs(provider, regions).specs,
  );
  return report.regions.flatMap((r, i) =>
    r.level === 'error'
      ? [
          {
            path: `spec.infrastructure.regions[${i}]`,
            message: `Nodes too small for the installed components: Region ${i + 1} (${r.name}): ${r.findings.join('; ')}`,
          },
        ]
      : [],
  );
}

/** What the API and the CLI judge after the contract: placement, then capacity per cluster. */
export function admissionProblems(manifest: SovereignManifest): ManifestProblem[] {
  return [...placementProblems(manifest), ...capacityProblems(manifest)];
}
