// The capacity verdict on a manifest, shared by the API's admission and the CLI's validate/render,
// so both accept and reject the same manifests.
import type { ManifestProblem, SovereignManifest } from '../schemas/manifest';
import { computeCapacity, sumRequests } from './capacity';
import { CATALOG_INDEX } from './catalog-graph';
import { capacityInputs } from './node-pools';

/** Problems that make the platform not fit its nodes (capacity level 'error'), one per region. */
export function capacityProblems(manifest: SovereignManifest): ManifestProblem[] {
  const installed = manifest.spec.components.map((c) => c.id);
  const { provider, regions } = manifest.spec.infrastructure;
  const report = computeCapacity(
    sumRequests(CATALOG_INDEX, installed),
    capacityInputs(provider, regions).specs,
  );
  return report.regions.flatMap((r, i) =>
    r.level === 'error'
      ? [
          {
            path: `spec.infrastructure.regions[${i}]`,
            message: `Nodes too small for the installed components: ${r.messages.join('; ')}`,
          },
        ]
      : [],
  );
}
