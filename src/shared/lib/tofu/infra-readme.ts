// infra/README.md (what creates the machines, how to apply by hand, what creates the DNS records)
// and, for a domain set by hand, infra/DNS-RECORDS.md with the exact records to create.
import { getProvider } from '../../constants/domain';
import type { SovereignManifest } from '../../schemas/manifest';
import {
  AFTER_APPLY,
  applyCommands,
  moduleDir,
  planOnlySentence,
  repositoryEndpoint,
  secretVariables,
} from './apply-steps';
import {
  DNS_TF_FILE,
  luaPolicyOf,
  sovereignClusters,
  sovereignRecords,
  tofuCreatesRecords,
  usesLuaRecords,
  zoneNameservers,
  type DnsRecord,
  type SovereignCluster,
} from './dns-records';
import { HETZNER_PINS, HETZNER_TFVARS_FILE } from './hetzner-module';

export const DNS_RECORDS_PATH = 'infra/DNS-RECORDS.md';

type Cluster = SovereignCluster;

const ip = (cluster: string) => `<load_balancer_ipv4.${cluster}>`;

/** A record as a zone-file line. */
const zoneLine = (r: DnsRecord): string[] =>
  r.values.map((v) => `${r.name} ${r.ttl} IN ${r.type} ${v}`);

/**
 * The records that point the Sovereign's names at its load balancers: one A record per cluster and
 * the names under the DNS step's lua-record policy, with where the addresses come from.
 */
function loadBalancerRecords(manifest: SovereignManifest): string[] {
  const { dns } = manifest.spec;
  const clusters = sovereignClusters(manifest);
  const policy = luaPolicyOf(manifest);
  const records = sovereignRecords(manifest, ip);
  const dir = moduleDir(manifest.spec.infrastructure.provider);
  const publicClusters = clusters.filter((c) => c.public).map((c) => c.name);
  const first = clusters[0]?.name ?? '<cluster>';
  return [
    ...(dir
      ? [
          'Each cluster has a load balancer (ports 80, 443, 6443) whose address OpenTofu prints after',
          '`tofu apply`:',
          '',
          '```sh',
          `cd ${dir}`,
          'tofu output -json load_balancer_ipv4   # {"<cluster>": "<IPv4>", ...}',
          'tofu output -json load_balancer_ipv6   # the same for AAAA records',
          `tofu output -json load_balancer_ipv4 | jq -r '."${first}"'`,
          '```',
          '',
          `Replace each \`<load_balancer_ipv4.<cluster>>\` below with that cluster's value (AAAA records with`,
          '`load_balancer_ipv6` in the same way, if you want IPv6).',
        ]
      : [
          planOnlySentence(manifest.spec.infrastructure.provider),
          'There are no load-balancer addresses until one creates the clusters; the records below',
          'then point at them.',
        ]),
    '',
    'One name per cluster:',
    '',
    '```',
    ...records
      .filter((r) => r.cluster)
      .map((r) => `${zoneLine(r).join('')}   # ${r.cluster?.region} (${r.cluster?.location})`),
    '```',
    '',
    `The Sovereign's names (\`${dns.domain}\` and \`*.${dns.domain}\`, the Gateway's listener) on the`,
    `clusters that serve the public side (${publicClusters.join(', ')}), by the DNS step's policy`,
    `**${policy?.name ?? dns.luaPolicy}** (${policy?.record ?? ''}):`,
    '',
    '```',
    ...records.filter((r) => !r.cluster).flatMap(zoneLine),
    '```',
    '',
    usesLuaRecords(manifest)
      ? "LUA records are answered only by PowerDNS with `enable-lua-records=yes` (the tree sets it on the Sovereign's PowerDNS); on any other nameserver create plain A records to every cluster above instead."
      : 'Plain A records: any nameserver answers them.',
  ];
}

/** infra/DNS-RECORDS.md: the records to create by hand (dns.mode byo-manual). */
export function dnsRecordsDoc(manifest: SovereignManifest): string {
  const { dns } = manifest.spec;
  return [
    `# DNS records for ${dns.domain}`,
    '',
    'You chose to set your domain up by hand, so nothing creates these records for you. Create them',
    'in this order.',
    '',
    '## 1. Delegate the domain',
    '',
    `At the registrar (or parent zone) of \`${dns.domain}\`, set its nameservers to exactly these`,
    '(the `dns.nameservers` of the Sovereign manifest):',
    '',
    '```',
    ...zoneNameservers(manifest).map((ns) => `${dns.domain}. 3600 IN NS ${ns}`),
    '```',
    '',
    '## 2. Point the names at the load balancers',
    '',
    ...loadBalancerRecords(manifest),
    '',
  ].join('\n');
}

function dnsSection(manifest: SovereignManifest): string[] {
  const { dns } = manifest.spec;
  const policy = luaPolicyOf(manifest)?.name ?? dns.luaPolicy;
  const dir = moduleDir(manifest.spec.infrastructure.provider);
  const services =
    "The records of the Sovereign's own Services inside each cluster are the tree's external-dns " +
    `(provider pdns, domain filter \`${dns.domain}\`, one owner id per cluster) writing into the cluster's PowerDNS.`;
  const created = [
    `\`${dir ?? ''}/${DNS_TF_FILE}\` creates the zone \`${dns.domain}.\` on the PowerDNS behind those nameservers`,
    `(\`powerdns_server_url\` in the tfvars, key \`TF_VAR_powerdns_api_key\`) and, with the same \`tofu apply\``,
    'that makes the load balancers, every record below (their addresses filled in by OpenTofu), under the',
    `lua-record policy **${policy}**:`,
    '',
    '```',
    ...sovereignRecords(manifest, ip).flatMap(zoneLine),
    '```',
    '',
    services,
    '',
  ];
  const byHand = ['Nothing in this repository creates the records: create them once yourself.', ''];
  switch (dns.mode) {
    case 'pool':
      return [
        `Mode **pool subdomain**: \`${dns.domain}\` is a subdomain of the pool \`${dns.poolDomain ?? ''}\`, served by`,
        `${dns.nameservers.join(', ')}.`,
        ...(tofuCreatesRecords(manifest)
          ? [
              `\`${DNS_TF_FILE}\` also writes the pool's delegation (\`${dns.domain}. NS\` in the zone \`${dns.poolDomain ?? ''}.\`).`,
              '',
              ...created,
            ]
          : ['', ...byHand, ...loadBalancerRecords(manifest), '']),
      ];
    case 'byo-api':
      return [
        `Mode **registrar API**: \`${dns.domain}\` is served by ${dns.nameservers.join(', ')}. Its delegation at`,
        `${dns.registrar ?? 'the registrar'} (these NS records) is not set by this repository nor, yet, by the bootstrap API:`,
        'set it at the registrar once, if it is not set already:',
        '',
        '```',
        ...zoneNameservers(manifest).map((ns) => `${dns.domain}. 3600 IN NS ${ns}`),
        '```',
        '',
        ...(tofuCreatesRecords(manifest)
          ? created
          : [...byHand, ...loadBalancerRecords(manifest), '']),
      ];
    case 'byo-manual':
      return [
        `Mode **by hand**: nothing creates the records; [DNS-RECORDS.md](DNS-RECORDS.md) lists every one, with the`,
        'NS delegation and the per-cluster A records to fill from `tofu output -json`.',
        '',
      ];
  }
}

/** infra/README.md of a Sovereign's repository. */
export function infraReadme(
  manifest: SovereignManifest,
  opts: { cloneUrl: string; deploymentId?: string },
): string {
  const name = manifest.metadata.name;
  const provider = manifest.spec.infrastructure.provider;
  const p = getProvider(provider);
  const dir = moduleDir(provider);
  const clusters = sovereignClusters(manifest);
  const commands = applyCommands({
    sovereign: name,
    provider,
    cloneUrl: opts.cloneUrl,
    deploymentId: opts.deploymentId,
    dnsRecords: tofuCreatesRecords(manifest),
  });
  const head = [
    `# Infrastructure of Sovereign ${name} (${p.name})`,
    '',
    'Generated by Catalyst Bootstrap from the Sovereign manifest; change the Sovereign, not these files.',
    '',
  ];
  const dnsPart = ['## DNS records', '', ...dnsSection(manifest)];
  if (!dir || !commands) {
    return [
      ...head,
      `**${planOnlySentence(provider)}** No infra/${provider}/ module is committed and nothing here can be`,
      'applied; the bootstrap API never applies it either.',
      '',
      ...dnsPart,
    ].join('\n');
  }
  return [
    ...head,
    ...moduleSection(dir, clusters),
    ...applySection(
      commands,
      secretVariables(provider, tofuCreatesRecords(manifest)),
      opts.deploymentId,
    ),
    ...dnsPart,
  ].join('\n');
}

/** What the OpenTofu root module in `dir` creates, per cluster, and that it was never applied. */
function moduleSection(dir: string, clusters: readonly Cluster[]): string[] {
  return [
    `\`${dir}/\` is an OpenTofu root module: one cluster per region, each on its own private network`,
    'with a firewall (80, 443 and 6443 in; SSH only from `ssh_allowed_cidrs`, none by default), the',
    'SSH key, 1 or 3 control-plane servers, the workers, a load balancer (6443, 80, 443) and cloud-init',
    `that installs k3s ${HETZNER_PINS.k3s}, Cilium and Flux. \`${dir}/${HETZNER_TFVARS_FILE}\` sets its inputs`,
    'from the manifest; the secrets are never in a file.',
    '',
    '| Cluster (folder under clusters/) | Region | Location |',
    '|---|---|---|',
    ...clusters.map((c) => `| \`${c.name}\` | ${c.region} | ${c.location} |`),
    '',
    '**Never applied for real.** This module has not been run against a real Hetzner Cloud project;',
    'it is checked offline (it parses, every variable is declared and set, cloud-init renders for every',
    'topology). Read the plan before you apply it.',
    '',
  ];
}

/** How to apply the module by hand: the commands, the secrets, the kubeconfig and its callback. */
function applySection(
  commands: readonly string[],
  secrets: ReturnType<typeof secretVariables>,
  deploymentId: string | undefined,
): string[] {
  return [
    '## How to apply',
    '',
    `With no executor (EXECUTOR=none) the bootstrap API applies nothing. You need OpenTofu ${HETZNER_PINS.tofu}`,
    `(\`tofu\`), git and the ${secrets.length} secrets below. The clone URL and read token come from`,
    `\`${repositoryEndpoint(deploymentId)}\` (\`url\`, \`username\`, \`token\`).`,
    '',
    '```sh',
    ...commands,
    '```',
    '',
    '| Variable | Where the value comes from |',
    '|---|---|',
    ...secrets.map((s) => `| \`${s.env}\` | ${s.from} |`),
    '',
    'Optional: `TF_VAR_registry_username` (default `catalyst`), and `ssh_allowed_cidrs` in the tfvars to',
    'open SSH from your address.',
    '',
    `After \`tofu apply\`: ${AFTER_APPLY}`,
    '',
    'The Kubernetes API of each cluster is `api_endpoints` in `tofu output`; its kubeconfig is',
    '`/etc/rancher/k3s/k3s.yaml` on the first control-plane node (open SSH with `ssh_allowed_cidrs`',
    'to copy it, `scp root@<control_plane_ipv4>:/etc/rancher/k3s/k3s.yaml .` with the address from',
    '`tofu output -json clusters`, and replace `127.0.0.1` with the load-balancer address). The secrets',
    "reach the servers' cloud-init user data and the OpenTofu state: keep the state private.",
    '',
    'The kubeconfig callback: when the bootstrap API applies this module itself (EXECUTOR=tofu) it sets',
    '`deployment_id`, `kubeconfig_callback_url` (its PUBLIC_URL, https) and the sensitive',
    '`TF_VAR_kubeconfig_callback_tokens` (one single-use token per cluster, only in its environment),',
    "and the first control plane's cloud-init PUTs the kubeconfig above, already pointing at the load",
    "balancer's 6443, to `<url>/api/v1/deployments/<deployment_id>/clusters/<cluster>/kubeconfig`.",
    'For an apply by hand leave all three unset: their defaults (`""` and `{}`) mean no callback, and',
    'you copy the kubeconfig with scp as above.',
    '',
  ];
}
