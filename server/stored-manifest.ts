// The manifest of a stored deployment. Rows are written only after full admission (shape, catalog,
// rules, capacity), so reading them back checks the shape alone: a later catalog or rule change
// must not make old deployments unreadable or their pipelines unresumable.
import { sovereignManifestSchema, type SovereignManifest } from '../src/shared/schemas/manifest';
import type { DeploymentRow } from './db/repository';

/** The stored manifest of a deployment, parsed with the schema shape only, never with secrets. */
export function parseStoredManifest(row: Pick<DeploymentRow, 'manifestJson'>): SovereignManifest {
  const { secrets: _never, ...manifest } = sovereignManifestSchema.parse(
    JSON.parse(row.manifestJson),
  );
  return manifest;
}
