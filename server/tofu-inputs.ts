// OpenTofu inputs for the chosen infrastructure: `infra/tofu.auto.tfvars.json`. No secret values:
// the executor passes the provider credential as TF_VAR_provider_token at apply time.
import { findSize } from '../src/shared/constants/domain';
import type { SovereignManifest } from '../src/shared/schemas/manifest';

export const TFVARS_PATH = 'infra/tofu.auto.tfvars.json';

/** The tfvars document of a manifest, as pretty JSON with a trailing newline. */
export function buildTofuInputs(manifest: SovereignManifest): string {
  const infra = manifest.spec.infrastructure;
  const size = (id: string) => {
    const s = findSize(infra.provider, id);
    return s ? { id, vcpu: s.vcpu, ram_gib: s.ramGiB, disk_gb: s.diskGB } : { id };
  };
  const vars = {
    sovereign_name: manifest.metadata.name,
    provider: infra.provider,
    topology: infra.topology,
    organization: manifest.spec.organization.name,
    contact_email: manifest.spec.organization.email,
    domain: manifest.spec.dns.domain,
    ssh_public_key: infra.sshPublicKey,
    credentials_secret_ref: infra.credentialsSecretRef.name,
    regions: infra.regions.map((r) => ({
      name: r.name,
      cloud_region: r.cloudRegion,
      building_blocks: r.buildingBlocks,
      control_plane: { ...size(r.controlPlane.size), count: r.controlPlane.count },
      workers: { ...size(r.workers.size), count: r.workers.count },
    })),
  };
  return JSON.stringify(vars, null, 2) + '\n';
}
