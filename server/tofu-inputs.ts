// The infra/ files the pipeline commits beside the Flux tree: the provider's OpenTofu module
// (infra/hetzner/), its generated inputs (sovereign.auto.tfvars.json, no secret value: the three
// secrets are TF_VAR_hcloud_token, TF_VAR_gitops_token and TF_VAR_registry_token at apply time),
// infra/README.md and, for a domain set by hand, infra/DNS-RECORDS.md (src/shared/lib/tofu/).
import { getProvider } from '../src/shared/constants/domain';
import { placeholderRepositoryUrl } from '../src/shared/lib/flux/render-flux-tree';
import {
  applySentence,
  tofuCreatesRecords,
  hasTofuModule,
  HETZNER_TFVARS_PATH,
  INFRA_README_PATH,
  infraFiles,
  planOnlySentence,
  repositoryUrlOf,
} from '../src/shared/lib/tofu';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import type { TreeFile } from './git';

/** The generated tfvars of the Hetzner module. */
export const TFVARS_PATH = HETZNER_TFVARS_PATH;

export interface TofuInputs {
  /** The file recorded as the deployment's OpenTofu inputs: the tfvars, or infra/README.md when plan only. */
  readonly path: string;
  readonly content: string;
  /** Every infra/ file to commit. */
  readonly files: readonly TreeFile[];
  /** One sentence for the `tofu-inputs` event. */
  readonly message: string;
}

/**
 * The infra/ files of a manifest. `tree` is the rendered Flux tree: the tfvars name the same clone
 * URL as its flux-system GitRepository.
 */
export function buildTofuInputs(
  manifest: SovereignManifest,
  tree: readonly TreeFile[] = [],
  deploymentId?: string,
): TofuInputs {
  const repositoryUrl = repositoryUrlOf(tree) ?? placeholderRepositoryUrl(manifest.metadata.name);
  const files = infraFiles(manifest, { repositoryUrl, deploymentId });
  const infra = manifest.spec.infrastructure;
  const main = files.find((f) => f.path === TFVARS_PATH) ??
    files.find((f) => f.path === INFRA_README_PATH) ?? { path: INFRA_README_PATH, content: '' };
  const regions = `${infra.regions.length} region(s)`;
  const message = hasTofuModule(infra.provider)
    ? `Wrote the OpenTofu module infra/hetzner/ and ${TFVARS_PATH} for ${getProvider(infra.provider).name} (${regions})`
    : `${planOnlySentence(infra.provider)} Wrote ${INFRA_README_PATH} (${regions})`;
  return { path: main.path, content: main.content, files, message };
}

/**
 * The final status message of a planned deployment: with no executor (`ready-to-apply`), the
 * executor's sentence followed by how to apply by hand; for a provider without a module, plan only.
 */
export function plannedMessage(
  manifest: SovereignManifest,
  deploymentId: string,
  planned: { status: string; message: string },
): string {
  const provider = manifest.spec.infrastructure.provider;
  if (!hasTofuModule(provider))
    return `${planOnlySentence(provider)} The GitOps repository is written; no cloud resources have been created and none can be from it.`;
  if (planned.status !== 'ready-to-apply') return planned.message;
  const steps = applySentence({
    sovereign: manifest.metadata.name,
    provider,
    deploymentId,
    dnsRecords: tofuCreatesRecords(manifest),
  });
  return `The plan is ready to apply: the GitOps repository holds the Flux tree and the OpenTofu module. No executor is configured (EXECUTOR=none), so no cloud resources have been created. ${steps}`;
}
