// The DNS records that point a Sovereign's names at its load balancers, computed once: the same
// records are listed for the operator (infra/DNS-RECORDS.md, by hand) and created by OpenTofu
// (infra/hetzner/dns.tf, pool and registrar-API modes) in the zone on the PowerDNS behind the
// manifest's nameservers.
import { LUA_POLICIES, OPENOVA_POWERDNS_API, type LuaPolicyId } from '../../constants/domain';
import type { SovereignManifest } from '../../schemas/manifest';
import { clusterNames } from '../placement';
import { moduleDir } from './apply-steps';

export interface SovereignCluster {
  readonly name: string;
  readonly region: string;
  readonly location: string;
  /** It serves the Sovereign's names: the dmz clusters, else every cluster. */
  readonly public: boolean;
}

/** The clusters of a manifest, in region order. */
export function sovereignClusters(manifest: SovereignManifest): SovereignCluster[] {
  const infra = manifest.spec.infrastructure;
  const names = clusterNames(manifest.metadata.name, infra.provider, infra.regions);
  const anyDmz = infra.regions.some((r) => r.buildingBlocks.includes('dmz'));
  return infra.regions.map((r, i) => ({
    name: names[i] ?? r.name,
    region: r.name,
    location: r.cloudRegion,
    public: !anyDmz || r.buildingBlocks.includes('dmz'),
  }));
}

export interface DnsRecord {
  /** Fully qualified, with the trailing dot. */
  readonly name: string;
  readonly type: 'A' | 'LUA' | 'NS';
  readonly ttl: number;
  /** One entry per record of the set (a LUA record's whole content is one entry). */
  readonly values: readonly string[];
  /** Which cluster a per-cluster record names (its region and location). */
  readonly cluster?: SovereignCluster;
}

/** How a record names a cluster's load-balancer IPv4: a placeholder, or an OpenTofu expression. */
export type AddressOf = (cluster: string) => string;

/** The LUA content of the Sovereign's names under a policy, or null for plain A records. */
function luaContent(
  domain: string,
  policy: LuaPolicyId,
  ips: readonly string[],
): { ttl: number; value: string } | null {
  if (ips.length <= 1) return null;
  const list = ips.map((ip) => `'${ip}'`).join(', ');
  const groups = ips.map((ip) => `{'${ip}'}`).join(', ');
  const check = `https://${domain}/`;
  switch (policy) {
    case 'single-region':
      return null;
    case 'active-active':
      return { ttl: 60, value: `A "ifurlup('${check}', {{${list}}}, {selector='all'})"` };
    case 'active-active-closest':
      return { ttl: 60, value: `A "pickclosest({${list}})"` };
    case 'active-hotstandby':
      return { ttl: 60, value: `A "ifurlup('${check}', {${groups}}, {selector='pickfirst'})"` };
    case 'active-passive-warm':
      return { ttl: 300, value: `A "ifurlup('${check}', {${groups}}, {selector='pickfirst'})"` };
    case 'weighted-canary': {
      const rest = Math.max(1, Math.round(10 / (ips.length - 1)));
      const weighted = ips.map((ip, i) => `{${i === 0 ? 90 : rest}, '${ip}'}`).join(', ');
      return { ttl: 60, value: `A "pickwhashed({${weighted}})"` };
    }
  }
}

/**
 * Every record of the Sovereign's zone that points at a load balancer: one A record per cluster
 * (`<cluster>.<domain>`), then the domain and its wildcard on the public clusters, by the DNS
 * step's lua-record policy (plain A records for one public cluster or the single-region policy).
 */
export function sovereignRecords(manifest: SovereignManifest, ip: AddressOf): DnsRecord[] {
  const { domain, luaPolicy } = manifest.spec.dns;
  const clusters = sovereignClusters(manifest);
  const publicIps = clusters.filter((c) => c.public).map((c) => ip(c.name));
  const lua = luaContent(domain, luaPolicy, publicIps);
  const perCluster: DnsRecord[] = clusters.map((c) => ({
    name: `${c.name}.${domain}.`,
    type: 'A',
    ttl: 300,
    values: [ip(c.name)],
    cluster: c,
  }));
  const names: DnsRecord[] = [`${domain}.`, `*.${domain}.`].map((name) =>
    lua
      ? { name, type: 'LUA', ttl: lua.ttl, values: [lua.value] }
      : { name, type: 'A', ttl: 300, values: publicIps },
  );
  return [...perCluster, ...names];
}

/** True when the policy's records of this Sovereign are LUA records (several public clusters). */
export function usesLuaRecords(manifest: SovereignManifest): boolean {
  return sovereignRecords(manifest, (c) => c).some((r) => r.type === 'LUA');
}

/** The policy as the DNS step names it, with the record it makes. */
export function luaPolicyOf(manifest: SovereignManifest) {
  return LUA_POLICIES.find((p) => p.id === manifest.spec.dns.luaPolicy);
}

/** The nameservers of the zone, fully qualified. */
export const zoneNameservers = (manifest: SovereignManifest): string[] =>
  manifest.spec.dns.nameservers.map((ns) => `${ns.replace(/\.$/, '')}.`);

/** True when OpenTofu creates the records (pool and registrar-API modes, on a provider with a module). */
export function tofuCreatesRecords(manifest: {
  readonly spec: {
    readonly dns: Pick<SovereignManifest['spec']['dns'], 'mode'>;
    readonly infrastructure: Pick<SovereignManifest['spec']['infrastructure'], 'provider'>;
  };
}): boolean {
  return (
    manifest.spec.dns.mode !== 'byo-manual' &&
    moduleDir(manifest.spec.infrastructure.provider) !== null
  );
}

export const DNS_TF_FILE = 'dns.tf';
/** The OpenTofu provider that writes into PowerDNS (pan-net/powerdns; LUA records pass as is). */
export const POWERDNS_PROVIDER = { source: 'pan-net/powerdns', version: '1.5.0' } as const;
export { OPENOVA_POWERDNS_API };

/**
 * An HCL string literal: `\\` and `"` escaped; an address's `${local.load_balancer_ipv4.<cluster>}`
 * stays an interpolation (it holds no quote: a cluster name is an HCL identifier).
 */
const hclString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A resource key for a record: `cluster_<name>`, `apex`, `wildcard`. */
function recordKey(r: DnsRecord, domain: string): string {
  if (r.cluster) return `cluster_${r.cluster.name.replace(/-/g, '_')}`;
  return r.name === `${domain}.` ? 'apex' : 'wildcard';
}

/** The provider and its two inputs: the same in every dns.tf. */
const DNS_TF_PROVIDER = `terraform {
  required_providers {
    powerdns = {
      source  = "${POWERDNS_PROVIDER.source}"
      version = "${POWERDNS_PROVIDER.version}"
    }
  }
}

variable "powerdns_server_url" {
  description = "The HTTP API of the PowerDNS that serves the zone (the nameservers' PowerDNS)."
  type        = string

  validation {
    condition     = can(regex("^https://[^/]+", var.powerdns_server_url))
    error_message = "powerdns_server_url: an https:// URL."
  }
}

variable "powerdns_api_key" {
  description = "The X-API-Key of that PowerDNS API. Only from TF_VAR_powerdns_api_key, never in a file."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.powerdns_api_key) > 0
    error_message = "powerdns_api_key: set TF_VAR_powerdns_api_key."
  }
}

provider "powerdns" {
  server_url = var.powerdns_server_url
  api_key    = var.powerdns_api_key
}
`;

/** The resource addresses dns.tf declares for a manifest (none when OpenTofu creates no record). */
export function dnsResourceAddresses(manifest: SovereignManifest): string[] {
  if (!tofuCreatesRecords(manifest)) return [];
  const { dns } = manifest.spec;
  return [
    'powerdns_zone.sovereign',
    ...(dns.mode === 'pool' && dns.poolDomain ? ['powerdns_record.delegation'] : []),
    ...sovereignRecords(manifest, (c) => c).map(
      (r) => `powerdns_record.sovereign["${recordKey(r, dns.domain)}"]`,
    ),
  ];
}

/**
 * infra/hetzner/dns.tf of a Sovereign whose records OpenTofu creates: the zone on the PowerDNS
 * behind its nameservers, the pool's NS delegation (pool mode) and every record of
 * sovereignRecords, each address the cluster's load balancer.
 */
export function dnsTf(manifest: SovereignManifest): string {
  const { dns } = manifest.spec;
  const records = sovereignRecords(manifest, (c) => `\${local.load_balancer_ipv4.${c}}`);
  const entries = records.map((r) =>
    [
      `    ${recordKey(r, dns.domain)} = {`,
      `      name    = ${hclString(r.name)}`,
      `      type    = "${r.type}"`,
      `      ttl     = ${r.ttl}`,
      `      records = [${r.values.map(hclString).join(', ')}]`,
      '    }',
    ].join('\n'),
  );
  const delegation =
    dns.mode === 'pool' && dns.poolDomain
      ? `
# Pool mode: the pool zone ${dns.poolDomain} delegates ${dns.domain} to the zone's nameservers.
resource "powerdns_record" "delegation" {
  zone    = "${dns.poolDomain}."
  name    = powerdns_zone.sovereign.name
  type    = "NS"
  ttl     = 3600
  records = powerdns_zone.sovereign.nameservers
}
`
      : '';
  return `# The DNS records of ${dns.domain}, written into the zone on the PowerDNS behind its nameservers
# (${dns.nameservers.join(', ')}) through that PowerDNS's HTTP API: one A record per cluster and the
# domain and its wildcard by the lua-record policy ${dns.luaPolicy}, every address a load balancer of main.tf.
# Generated from the Sovereign manifest (mode ${dns.mode}); its secret only as TF_VAR_powerdns_api_key.

${DNS_TF_PROVIDER}
locals {
  load_balancer_ipv4 = { for k, lb in hcloud_load_balancer.cluster : k => lb.ipv4 }

  dns_records = {
${entries.join('\n')}
  }
}

resource "powerdns_zone" "sovereign" {
  name        = "${dns.domain}."
  kind        = "Native"
  nameservers = [${zoneNameservers(manifest).map(hclString).join(', ')}]
}
${delegation}
resource "powerdns_record" "sovereign" {
  for_each = local.dns_records
  zone     = powerdns_zone.sovereign.name
  name     = each.value.name
  type     = each.value.type
  ttl      = each.value.ttl
  records  = each.value.records
}
`;
}
