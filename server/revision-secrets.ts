// The secrets of a new revision: the submitted ones and, with keepSecrets, those of its base the
// manifest still needs, opened with the base's id and sealed again by storeDeployment.
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import { openSecret } from './crypto';
import type { DeploymentRow } from './db/repository';
import type { Admitted, CreateDeps, StoreInput } from './deployments-service';
import { ApiError } from './errors';
import { secretNeeds, secretProblems } from './manifest-check';

/**
 * The secrets to seal for the revision: the submitted ones and, with keepSecrets, the base's for
 * what the manifest needs and the body lacks (then checked: 400 when any is still missing).
 */
export async function revisionSecrets(
  deps: CreateDeps,
  keepSecrets: boolean,
  baseRow: DeploymentRow,
  a: Admitted,
): Promise<Pick<StoreInput, 'secrets' | 'persistNote'>> {
  if (!keepSecrets) return { secrets: a.secrets, persistNote: '' };
  const carried = await keptSecrets(deps, baseRow, a.manifest, a.secrets);
  const kept = Object.keys(carried).length;
  const secrets = { ...a.secrets, ...carried };
  const problems = secretProblems({ ...a.manifest, secrets }, deps.requireSecrets ?? false);
  if (problems.length) {
    throw new ApiError(
      400,
      'invalid_manifest',
      `The manifest has ${problems.length} problem(s)`,
      problems,
    );
  }
  const persistNote = kept ? ` (${kept} kept from revision ${baseRow.revision}, sealed again)` : '';
  return { secrets, persistNote };
}

/**
 * The secrets of `base` for every Secret the manifest needs and `given` does not carry, opened
 * with the base's id (the associated data of its seal): storeDeployment seals them again with the
 * new deployment's id.
 */
async function keptSecrets(
  deps: CreateDeps,
  base: DeploymentRow,
  manifest: SovereignManifest,
  given: NonNullable<SovereignManifest['secrets']>,
): Promise<NonNullable<SovereignManifest['secrets']>> {
  const stored = await deps.repo.getSecrets(base.id);
  const kept: NonNullable<SovereignManifest['secrets']> = {};
  for (const name of secretNeeds(manifest).keys()) {
    const sealed = stored.get(name);
    if (Object.hasOwn(given, name) || !sealed) continue;
    kept[name] = JSON.parse(openSecret(deps.secretKey, base.id, name, sealed)) as Record<
      string,
      string
    >;
  }
  return kept;
}
