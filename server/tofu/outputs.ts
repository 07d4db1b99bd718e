// The inputs and outputs of a tofu run: the secret variables (TF_VAR_*, from the deployment's sealed
// secrets and the repository's read token) and `tofu output -json` read into per-cluster facts.
import { blueprintRegistry } from '../../src/shared/lib/manifest';
import { tofuCreatesRecords } from '../../src/shared/lib/tofu';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';
import type { TofuOutput } from './stream';

/**
 * The module's sensitive variables by name (hcloud_token, gitops_token, registry_token[, username],
 * and powerdns_api_key when dns.tf creates the records: the API's POWERDNS_API_KEY).
 */
export function secretVariables(
  manifest: SovereignManifest,
  secrets: Record<string, Record<string, string>>,
  gitopsToken: string,
  powerdnsApiKey?: string,
): Record<string, string> {
  const provider = secrets[manifest.spec.infrastructure.credentialsSecretRef.name] ?? {};
  const pullName = blueprintRegistry(manifest).pullSecretRef.name;
  const pull = secrets[pullName] ?? {};
  const registryToken = pull.token ?? pull.password;
  const missing: string[] = [];
  if (!provider.token)
    missing.push(`secrets.${manifest.spec.infrastructure.credentialsSecretRef.name}.token`);
  if (!registryToken) missing.push(`secrets.${pullName}.token (or .password)`);
  const dns = tofuCreatesRecords(manifest);
  if (dns && !powerdnsApiKey) {
    throw new Error(
      `OpenTofu cannot create the DNS records of ${manifest.spec.dns.domain} (mode ${manifest.spec.dns.mode}) without the PowerDNS API key: start the bootstrap API with POWERDNS_API_KEY set`,
    );
  }
  if (missing.length > 0) {
    throw new Error(
      `OpenTofu cannot run without ${missing.join(' and ')}: submit the manifest again with ${missing.length > 1 ? 'them' : 'it'}`,
    );
  }
  return {
    hcloud_token: provider.token as string,
    gitops_token: gitopsToken,
    registry_token: registryToken as string,
    ...(pull.username ? { registry_username: pull.username } : {}),
    ...(dns && powerdnsApiKey ? { powerdns_api_key: powerdnsApiKey } : {}),
  };
}

export interface ClusterOutputs {
  cluster: string;
  apiEndpoint: string | undefined;
  ipv4: string | undefined;
  ipv6: string | undefined;
  /** The admin kubeconfig (a sensitive output): never in an event or a log. */
  kubeconfig: string | undefined;
}

const mapOf = (o: TofuOutput | undefined): Record<string, string> => {
  const v = o?.value;
  if (!v || typeof v !== 'object') return {};
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).filter(([, x]) => typeof x === 'string'),
  ) as Record<string, string>;
};

/** `tofu output -json` (name → {sensitive, type, value}) per cluster. */
export function clusterOutputs(outputs: Record<string, TofuOutput>): ClusterOutputs[] {
  const api = mapOf(outputs.api_endpoints);
  const ipv4 = mapOf(outputs.load_balancer_ipv4);
  const ipv6 = mapOf(outputs.load_balancer_ipv6);
  const kube = mapOf(outputs.kubeconfigs);
  const names = [
    ...new Set([...Object.keys(api), ...Object.keys(ipv4), ...Object.keys(kube)]),
  ].sort();
  return names.map((cluster) => ({
    cluster,
    apiEndpoint: api[cluster],
    ipv4: ipv4[cluster],
    ipv6: ipv6[cluster],
    kubeconfig: kube[cluster],
  }));
}

/** The recordable (non-sensitive) outputs: what GET …/events shows and the artifact keeps. */
export function publicOutputs(outputs: Record<string, TofuOutput>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(outputs)
      .filter(([, o]) => !o.sensitive)
      .map(([k, o]) => [k, o.value]),
  );
}

/** "acme-hz-fsn1: Kubernetes API https://…:6443, load balancer 1.2.3.4 and 2a01:…" */
export function describeCluster(c: ClusterOutputs): string {
  const lb = [c.ipv4, c.ipv6].filter(Boolean).join(' and ');
  return `${c.cluster}: Kubernetes API ${c.apiEndpoint ?? '(no output)'}, load balancer ${lb || '(no output)'}`;
}
