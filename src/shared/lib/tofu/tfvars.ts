// sovereign.auto.tfvars.json of the Hetzner module: every non-secret input the module declares
// without a default, plus ssh_allowed_cidrs (empty: SSH closed) so it is visible where to open it.
// No secret: hcloud_token, gitops_token and registry_token (and powerdns_api_key of dns.tf) come
// from TF_VAR_* only.
import { getComponent } from '../../constants/components';
import type { SovereignManifest } from '../../schemas/manifest';
import { blueprintRegistry } from '../manifest/build';
import { clusterNames } from '../placement';
import { OPENOVA_POWERDNS_API, tofuCreatesRecords } from './dns-records';

export interface HetznerRegionVars {
  region: string;
  location: string;
  building_blocks: string[];
  network_cidr: string;
  control_plane: { server_type: string; count: number };
  /** volume_gb: an hcloud_volume of that many GB per worker; 0, none. */
  workers: { server_type: string; count: number; volume_gb: number };
}

export interface HetznerTfvars {
  sovereign_name: string;
  regions: Record<string, HetznerRegionVars>;
  ssh_public_key: string;
  ssh_allowed_cidrs: string[];
  gitops_repository_url: string;
  cilium_version: string;
  flux_version: string;
  registry_server: string;
  pull_secret_name: string;
  /** Only with dns.tf (OpenTofu creates the DNS records). */
  powerdns_server_url?: string;
}

/** The chart version the manifest pins for a component, else the catalog's. */
function pinned(manifest: SovereignManifest, id: 'cilium' | 'flux'): string {
  const fromManifest = manifest.spec.components.find((c) => c.id === id)?.version;
  return fromManifest ?? getComponent(id).chart?.version ?? '';
}

/** `oci://ghcr.io/openova-io` → `ghcr.io`. */
export const registryHost = (registry: string): string =>
  registry.replace(/^oci:\/\//, '').split('/')[0] ?? '';

/** The tfvars of a Hetzner Sovereign; regions keyed by their cluster (folder) names. */
export function hetznerTfvars(manifest: SovereignManifest, repositoryUrl: string): HetznerTfvars {
  const infra = manifest.spec.infrastructure;
  const names = clusterNames(manifest.metadata.name, infra.provider, infra.regions);
  const blueprints = blueprintRegistry(manifest);
  const regions: Record<string, HetznerRegionVars> = {};
  infra.regions.forEach((r, i) => {
    regions[names[i] ?? r.name] = {
      region: r.name,
      location: r.cloudRegion,
      building_blocks: [...r.buildingBlocks],
      network_cidr: `10.${i + 1}.0.0/16`,
      control_plane: { server_type: r.controlPlane.size, count: r.controlPlane.count },
      workers: {
        server_type: r.workers.size,
        count: r.workers.count,
        volume_gb: r.workers.volumeGb ?? 0,
      },
    };
  });
  return {
    sovereign_name: manifest.metadata.name,
    regions,
    ssh_public_key: infra.sshPublicKey.trim(),
    ssh_allowed_cidrs: [],
    gitops_repository_url: repositoryUrl,
    cilium_version: pinned(manifest, 'cilium'),
    flux_version: pinned(manifest, 'flux'),
    registry_server: registryHost(blueprints.registry),
    pull_secret_name: blueprints.pullSecretRef.name,
    ...(tofuCreatesRecords(manifest) ? { powerdns_server_url: OPENOVA_POWERDNS_API } : {}),
  };
}
