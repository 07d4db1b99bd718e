// The infra/ part of a Sovereign's repository: the OpenTofu module of its provider (Hetzner only
// so far), its generated tfvars, dns.tf when OpenTofu creates the DNS records (pool and
// registrar-API modes), infra/README.md and, for a domain set by hand, DNS-RECORDS.md.
// Pure: no React, no Node; shared by the API's pipeline, `catalyst render` and the GitOps viewer.
import type { SovereignManifest } from '../../schemas/manifest';
import { placeholderRepositoryUrl } from '../flux/render-flux-tree';
import { moduleDir } from './apply-steps';
import {
  HETZNER_MODULE_DIR,
  HETZNER_TFVARS_FILE,
  hetznerModuleFiles,
  type TofuFile,
} from './hetzner-module';
import { DNS_TF_FILE, dnsTf, tofuCreatesRecords } from './dns-records';
import { DNS_RECORDS_PATH, dnsRecordsDoc, infraReadme } from './infra-readme';
import { hetznerTfvars } from './tfvars';

export * from './apply-steps';
export * from './dns-records';
export * from './hetzner-module';
export { DNS_RECORDS_PATH, dnsRecordsDoc, infraReadme } from './infra-readme';
export { hetznerTfvars, registryHost, type HetznerTfvars } from './tfvars';

export const INFRA_README_PATH = 'infra/README.md';
/** The generated inputs of the Hetzner module. */
export const HETZNER_TFVARS_PATH = `${HETZNER_MODULE_DIR}/${HETZNER_TFVARS_FILE}`;

export interface InfraOptions {
  /** The URL each cluster's Flux clones (the same the tree's flux-system GitRepository names). */
  readonly repositoryUrl?: string;
  readonly deploymentId?: string;
}

/** The tfvars file of a manifest, or null when its provider has no module (plan only). */
export function tofuInputsFile(
  manifest: SovereignManifest,
  repositoryUrl: string,
): TofuFile | null {
  if (moduleDir(manifest.spec.infrastructure.provider) !== HETZNER_MODULE_DIR) return null;
  return {
    path: HETZNER_TFVARS_PATH,
    content: JSON.stringify(hetznerTfvars(manifest, repositoryUrl), null, 2) + '\n',
  };
}

/** Every file under infra/ for a manifest. */
export function infraFiles(manifest: SovereignManifest, options: InfraOptions = {}): TofuFile[] {
  const url = options.repositoryUrl ?? placeholderRepositoryUrl(manifest.metadata.name);
  const tfvars = tofuInputsFile(manifest, url);
  const files: TofuFile[] = tfvars ? [...hetznerModuleFiles(), tfvars] : [];
  if (tfvars && tofuCreatesRecords(manifest))
    files.push({ path: `${HETZNER_MODULE_DIR}/${DNS_TF_FILE}`, content: dnsTf(manifest) });
  files.push({
    path: INFRA_README_PATH,
    content: infraReadme(manifest, { cloneUrl: url, deploymentId: options.deploymentId }),
  });
  if (manifest.spec.dns.mode === 'byo-manual')
    files.push({ path: DNS_RECORDS_PATH, content: dnsRecordsDoc(manifest) });
  return files;
}

/**
 * The repository URL a rendered tree's flux-system GitRepository clones (what the tfvars must
 * name too), or undefined when the tree has none.
 */
export function repositoryUrlOf(
  files: readonly { readonly path: string; readonly content: string }[],
): string | undefined {
  const repo = files.find((f) =>
    /^clusters\/[^/]+\/flux-system\/git-repository\.yaml$/.test(f.path),
  );
  return repo?.content.match(/^\s+url:\s*['"]?([^\s'"]+)['"]?\s*$/m)?.[1];
}

export type { TofuFile };
