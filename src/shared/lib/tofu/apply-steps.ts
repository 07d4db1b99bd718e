// How to apply a Sovereign's infrastructure by hand (EXECUTOR=none): the same steps in the
// repository's infra/README.md, the API's final status message and the progress page.
import { getProvider, type ProviderId } from '../../constants/domain';
import {
  HETZNER_MODULE_DIR,
  HETZNER_SECRET_VARIABLES,
  type SecretVariable,
} from './hetzner-module';

export interface ApplyInput {
  /** The Sovereign's name: the repository is `<name>.git`, cloned into `<name>/`. */
  readonly sovereign: string;
  readonly provider: ProviderId;
  /** The clone URL (GET /api/v1/deployments/:id/repository → url), or a placeholder. */
  readonly cloneUrl?: string;
  /** The deployment, when known: names the repository endpoint exactly. */
  readonly deploymentId?: string;
  /** OpenTofu creates the DNS records too (dns.tf: pool and registrar-API modes). */
  readonly dnsRecords?: boolean;
}

/** What the provider card says, before it is picked, of a provider without a module. */
export { PLAN_ONLY_CARD } from '../../constants/domain';

/** True when the repository carries an OpenTofu module for this provider. */
export const hasTofuModule = (provider: ProviderId): boolean => getProvider(provider).hasModule;

/** The module folder of a provider inside the repository, or null (plan only). */
export const moduleDir = (provider: ProviderId): string | null =>
  provider === 'hetzner' ? HETZNER_MODULE_DIR : null;

/** The secret of dns.tf: the key of the PowerDNS API behind the Sovereign's nameservers. */
export const POWERDNS_SECRET_VARIABLE: SecretVariable = {
  name: 'powerdns_api_key',
  env: 'TF_VAR_powerdns_api_key',
  from: "the X-API-Key of the PowerDNS API behind the Sovereign's nameservers (`powerdns_server_url` in the tfvars); the bootstrap API's POWERDNS_API_KEY",
};

/**
 * The TF_VAR_ secrets a provider's module needs, and where each value comes from; with
 * `dnsRecords`, the PowerDNS key of dns.tf too.
 */
export const secretVariables = (
  provider: ProviderId,
  dnsRecords = false,
): readonly SecretVariable[] =>
  provider === 'hetzner'
    ? [...HETZNER_SECRET_VARIABLES, ...(dnsRecords ? [POWERDNS_SECRET_VARIABLE] : [])]
    : [];

/** `GET /api/v1/deployments/<id>/repository`. */
export const repositoryEndpoint = (deploymentId?: string): string =>
  `GET /api/v1/deployments/${deploymentId ?? '<id>'}/repository`;

/** The shell commands, in order (null for a provider without a module). */
export function applyCommands(input: ApplyInput): string[] | null {
  const dir = moduleDir(input.provider);
  if (!dir) return null;
  const url = input.cloneUrl ?? `<url from ${repositoryEndpoint(input.deploymentId)}>`;
  const exports = secretVariables(input.provider, input.dnsRecords).map((v) => `${v.env}=...`);
  return [
    `git clone ${url} ${input.sovereign}   # user catalyst, password: the token of ${repositoryEndpoint(input.deploymentId)}`,
    `cd ${input.sovereign}/${dir}`,
    `export ${exports.join(' ')}`,
    'tofu init',
    'tofu plan -out plan',
    'tofu apply plan',
  ];
}

/** What happens once `tofu apply` has finished. */
export const AFTER_APPLY =
  'cloud-init on the first control-plane node of each cluster installs k3s (no flannel, kube-proxy, ' +
  'traefik or servicelb), then Cilium, then Flux (release flux), creates the flux-system and registry ' +
  "Secrets and applies the cluster's clusters/<cluster>/flux-system; from then on Flux pulls the rest " +
  'of the tree from the repository. `tofu output -json` gives each cluster’s API endpoint and ' +
  'load-balancer address.';

/** The steps as one plain paragraph (the API's status message). */
export function applySentence(input: ApplyInput): string {
  const commands = applyCommands(input);
  if (!commands) return '';
  const vars = secretVariables(input.provider, input.dnsRecords)
    .map((v) => `${v.env} (${v.from})`)
    .join('; ');
  return (
    `To apply by hand: ${repositoryEndpoint(input.deploymentId)} gives the clone URL and read token; then ` +
    `\`git clone <url> ${input.sovereign}\`, \`cd ${input.sovereign}/${moduleDir(input.provider) ?? ''}\`, ` +
    `export ${vars}, and run \`tofu init\`, \`tofu plan -out plan\`, \`tofu apply plan\`. After that, ` +
    AFTER_APPLY
  );
}

/** The plan-only sentence of a provider without a module. */
export function planOnlySentence(provider: ProviderId): string {
  const p = getProvider(provider);
  return `Plan only: no OpenTofu module for ${p.name} yet, so this repository creates no machines on ${p.name}; it holds the Flux tree each cluster would pull once one exists.`;
}
