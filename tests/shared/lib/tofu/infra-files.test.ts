// The infra files beside the Hetzner module: no secret in any of them, the README's by-hand
// steps, and the DNS records the manual mode prints.
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS, type TopologyId } from '../../../../src/shared/constants/domain';
import { regionsForTopology } from '../../../../src/shared/lib/draft-defaults';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import {
  DNS_RECORDS_PATH,
  HETZNER_SECRET_VARIABLES,
  HETZNER_TFVARS_PATH,
  INFRA_README_PATH,
  applyCommands,
  infraFiles,
  type HetznerTfvars,
} from '../../../../src/shared/lib/tofu';
import { validDraft } from '../manifest-fixtures';

const URL = 'https://bootstrap.example/git/acme.git';

function manifestFor(topology: TopologyId, tweak?: (d: ReturnType<typeof validDraft>) => void) {
  const d = validDraft();
  d.infrastructure.topology = topology;
  d.infrastructure.regions = regionsForTopology(topology, d.infrastructure.provider);
  tweak?.(d);
  return buildManifest(d);
}

const tfvarsOf = (m: ReturnType<typeof manifestFor>): HetznerTfvars => {
  const f = infraFiles(m, { repositoryUrl: URL }).find((x) => x.path === HETZNER_TFVARS_PATH);
  if (!f) throw new Error('no tfvars');
  return JSON.parse(f.content) as HetznerTfvars;
};

describe('infra files per provider and DNS mode', () => {
  it('puts no secret value in any infra file, even with secrets in the manifest', () => {
    const m = manifestFor('zoned');
    m.secrets = { [m.spec.infrastructure.credentialsSecretRef.name]: { token: 'Z'.repeat(64) } };
    for (const f of infraFiles(m, { repositoryUrl: URL }))
      expect(f.content).not.toContain('Z'.repeat(64));
  });

  it('the README says how to apply by hand, with every TF_VAR_ and what happens after', () => {
    const m = manifestFor('triangle');
    const readme =
      infraFiles(m, { repositoryUrl: URL, deploymentId: 'dep-1' }).find(
        (f) => f.path === INFRA_README_PATH,
      )?.content ?? '';
    const commands = applyCommands({ sovereign: 'acme', provider: 'hetzner', cloneUrl: URL }) ?? [];
    expect(commands.map((c) => c.split(' ')[0])).toEqual([
      'git',
      'cd',
      'export',
      'tofu',
      'tofu',
      'tofu',
    ]);
    expect(commands.slice(3)).toEqual(['tofu init', 'tofu plan -out plan', 'tofu apply plan']);
    for (const s of HETZNER_SECRET_VARIABLES) expect(readme).toContain(s.env);
    expect(readme).toContain('GET /api/v1/deployments/dep-1/repository');
    expect(readme).toContain('cd acme/infra/hetzner');
    expect(readme).toMatch(/cloud-init .*installs k3s/);
    expect(readme).toMatch(/Never applied for real/);
  });

  it.each(PROVIDER_IDS.filter((p) => p !== 'hetzner'))(
    '%s is plan only: no module, a README line',
    (provider) => {
      const d = validDraft();
      d.infrastructure.provider = provider;
      d.infrastructure.regions = regionsForTopology('zoned', provider);
      const out = infraFiles(buildManifest(d), { repositoryUrl: URL });
      expect(
        out.filter(
          (f) => f.path.startsWith(`infra/${provider}/`) || f.path.startsWith('infra/hetzner/'),
        ),
      ).toEqual([]);
      expect(out.find((f) => f.path === INFRA_README_PATH)?.content).toMatch(
        /Plan only: no OpenTofu module for .+ yet/,
      );
    },
  );

  it('manual DNS: DNS-RECORDS.md with the NS delegation and per-cluster A records from tofu output', () => {
    const m = manifestFor('triangle', (d) => {
      d.dns.mode = 'byo-manual';
      d.dns.domain = 'acme.example';
      d.dns.luaPolicy = 'active-active';
    });
    const out = infraFiles(m, { repositoryUrl: URL });
    const doc = out.find((f) => f.path === DNS_RECORDS_PATH)?.content ?? '';
    const domain = m.spec.dns.domain;
    for (const ns of m.spec.dns.nameservers) expect(doc).toContain(`${domain}. 3600 IN NS ${ns}.`);
    expect(doc).toContain('tofu output -json load_balancer_ipv4');
    const names = Object.keys(tfvarsOf(m).regions);
    for (const n of names)
      expect(doc).toContain(`${n}.${domain}. 300 IN A <load_balancer_ipv4.${n}>`);
    // triangle: the two DP regions carry dmz and serve the names, active-active by ifurlup.
    expect(doc).toContain(
      `*.${domain}. 60 IN LUA A "ifurlup('https://${domain}/', {{'<load_balancer_ipv4.${names[1]}>', '<load_balancer_ipv4.${names[2]}>'}}, {selector='all'})"`,
    );
    expect(out.find((f) => f.path === INFRA_README_PATH)?.content).toContain('DNS-RECORDS.md');
  });

  it('pool mode: no DNS-RECORDS.md; the README says dns.tf creates the records and lists them', () => {
    const m = manifestFor('zoned');
    const out = infraFiles(m, { repositoryUrl: URL });
    expect(out.some((f) => f.path === DNS_RECORDS_PATH)).toBe(false);
    const readme = out.find((f) => f.path === INFRA_README_PATH)?.content ?? '';
    expect(readme).toMatch(/external-dns.*PowerDNS/s);
    // dns.tf creates the records in the same apply as the load balancers: the README says so and
    // lists the exact records, per cluster and for the Sovereign's names.
    expect(readme).toMatch(/`infra\/hetzner\/dns\.tf` creates the zone/);
    expect(readme).toContain('TF_VAR_powerdns_api_key');
    expect(out.some((f) => f.path === 'infra/hetzner/dns.tf')).toBe(true);
    const domain = m.spec.dns.domain;
    const names = Object.keys(tfvarsOf(m).regions);
    expect(names).toHaveLength(2);
    for (const n of names)
      expect(readme).toContain(`${n}.${domain}. 300 IN A <load_balancer_ipv4.${n}>`);
    expect(readme).toContain(
      `${domain}. 60 IN LUA A "ifurlup('https://${domain}/', {{'<load_balancer_ipv4.${names[0]}>', '<load_balancer_ipv4.${names[1]}>'}}, {selector='all'})"`,
    );
    expect(readme).not.toMatch(/Nothing in this repository creates the records/);
  });

  it('registrar-API mode prints the same records; manual mode points to DNS-RECORDS.md only', () => {
    const api = manifestFor('solo', (d) => {
      d.dns.mode = 'byo-api';
      d.dns.domain = 'acme.example';
    });
    const readme =
      infraFiles(api, { repositoryUrl: URL }).find((f) => f.path === INFRA_README_PATH)?.content ??
      '';
    const [only] = Object.keys(tfvarsOf(api).regions);
    expect(readme).toContain(`acme.example. 300 IN A <load_balancer_ipv4.${only}>`);
    expect(readme).toContain(`*.acme.example. 300 IN A <load_balancer_ipv4.${only}>`);
    const manual = manifestFor('solo', (d) => {
      d.dns.mode = 'byo-manual';
      d.dns.domain = 'acme.example';
    });
    const manualReadme =
      infraFiles(manual, { repositoryUrl: URL }).find((f) => f.path === INFRA_README_PATH)
        ?.content ?? '';
    expect(manualReadme).toContain('DNS-RECORDS.md');
    expect(manualReadme).not.toContain('IN A <load_balancer_ipv4');
  });
});
