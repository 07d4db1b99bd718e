// dns.tf: in pool and registrar-API modes the Hetzner module creates the Sovereign's DNS records
// itself, in the zone on the PowerDNS behind its nameservers. Checked offline (no OpenTofu binary
// and no PowerDNS here): the file parses as HCL, declares its two inputs, and its records, once
// OpenTofu has filled in the load-balancer addresses, are exactly the records DNS-RECORDS.md lists
// for a domain set by hand (one source: sovereignRecords).
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import {
  DNS_RECORDS_PATH,
  HETZNER_MODULE_DIR,
  OPENOVA_POWERDNS_API,
  POWERDNS_SECRET_VARIABLE,
  infraFiles,
  secretVariables,
  sovereignRecords,
} from '../../../../src/shared/lib/tofu';
import { manifestFor, tfvarsOf, URL, type Block } from './hetzner-module-fixtures';

const DNS_TF = `${HETZNER_MODULE_DIR}/dns.tf`;
type Manifest = ReturnType<typeof manifestFor>;
interface HclRecord {
  name: string;
  type: string;
  ttl: number;
  records: string[];
}

const dnsTfOf = (m: Manifest) =>
  infraFiles(m, { repositoryUrl: URL }).find((f) => f.path === DNS_TF)?.content;

async function parsedDnsTf(m: Manifest) {
  const text = dnsTfOf(m);
  if (!text) throw new Error('no dns.tf');
  return (await parseHcl('dns.tf', text)) as {
    locals: { dns_records: Record<string, HclRecord> }[];
    resource: Record<string, Record<string, Block[]>>;
    variable: Record<string, Block[]>;
  };
}

/** What OpenTofu interpolates: `${local.load_balancer_ipv4.<cluster>}` → that cluster's address. */
const address = (cluster: string) => `203.0.113.${cluster.length}`;
const interpolate = (s: string) =>
  s.replace(/\$\{local\.load_balancer_ipv4\.([a-z0-9-]+)\}/g, (_, c: string) => address(c));

const byName = <T extends { name: string }>(rs: T[]) =>
  [...rs].sort((a, b) => a.name.localeCompare(b.name));

/** The records of dns.tf as a zone would hold them once applied (by name: HCL maps are unordered). */
async function appliedRecords(m: Manifest) {
  const records = (await parsedDnsTf(m)).locals[0]?.dns_records ?? {};
  return byName(
    Object.values(records).map((r) => ({
      name: r.name,
      type: r.type,
      ttl: r.ttl,
      values: r.records.map(interpolate),
    })),
  );
}

const expected = (m: Manifest) =>
  byName(
    sovereignRecords(m, address).map(({ name, type, ttl, values }) => ({
      name,
      type,
      ttl,
      values: [...values],
    })),
  );

describe('dns.tf (pool mode, two clusters, active-active)', () => {
  const m = manifestFor('zoned');

  it('declares the zone, the pool delegation and one record set per name', async () => {
    const hcl = await parsedDnsTf(m);
    expect(Object.keys(hcl.resource.powerdns_zone ?? {})).toEqual(['sovereign']);
    expect(Object.keys(hcl.resource.powerdns_record ?? {}).sort()).toEqual([
      'delegation',
      'sovereign',
    ]);
    const zone = hcl.resource.powerdns_zone?.sovereign?.[0];
    expect(zone).toMatchObject({
      name: `${m.spec.dns.domain}.`,
      kind: 'Native',
      nameservers: m.spec.dns.nameservers.map((n) => `${n}.`),
    });
    expect(hcl.resource.powerdns_record?.delegation?.[0]).toMatchObject({
      zone: `${m.spec.dns.poolDomain}.`,
      type: 'NS',
    });
  });

  it('its records, addresses filled in, are the records of sovereignRecords', async () => {
    const applied = await appliedRecords(m);
    expect(applied).toEqual(expected(m));
    const names = Object.keys(tfvarsOf(m).regions);
    const apex = applied.find((r) => r.name === `${m.spec.dns.domain}.`);
    expect(apex?.type).toBe('LUA');
    expect(apex?.values[0]).toContain('ifurlup(');
    for (const n of names) expect(apex?.values[0]).toContain(`'${address(n)}'`);
  });

  it('every address is a load balancer main.tf creates (the tfvars regions)', () => {
    const text = dnsTfOf(m) ?? '';
    const used = [...text.matchAll(/local\.load_balancer_ipv4\.([a-z0-9-]+)/g)].map((x) => x[1]);
    expect(new Set(used)).toEqual(new Set(Object.keys(tfvarsOf(m).regions)));
    expect(text).toContain('{ for k, lb in hcloud_load_balancer.cluster : k => lb.ipv4 }');
  });

  it('takes the PowerDNS URL from the tfvars and its key only from TF_VAR_powerdns_api_key', async () => {
    const hcl = await parsedDnsTf(m);
    expect(hcl.variable.powerdns_api_key?.[0]).toMatchObject({ sensitive: true });
    expect(hcl.variable.powerdns_api_key?.[0]).not.toHaveProperty('default');
    expect(tfvarsOf(m).powerdns_server_url).toBe(OPENOVA_POWERDNS_API);
    expect(JSON.stringify(tfvarsOf(m))).not.toContain('powerdns_api_key');
    expect(secretVariables('hetzner', true)).toContain(POWERDNS_SECRET_VARIABLE);
  });
});

describe('dns.tf by mode and policy', () => {
  it('one public cluster: plain A records, no LUA', async () => {
    const m = manifestFor('solo');
    const applied = await appliedRecords(m);
    expect(applied.every((r) => r.type === 'A')).toBe(true);
    expect(applied).toEqual(expected(m));
  });

  it('weighted canary: pickwhashed with 90 on the first public cluster', async () => {
    const m = manifestFor('triangle', (d) => {
      d.dns.luaPolicy = 'weighted-canary';
    });
    const applied = await appliedRecords(m);
    expect(applied).toEqual(expected(m));
    expect(applied.find((r) => r.type === 'LUA')?.values[0]).toMatch(/^A "pickwhashed\(\{\{90, '/);
  });

  it('registrar-API mode: the zone and records, no pool delegation', async () => {
    const m = manifestFor('solo', (d) => {
      d.dns.mode = 'byo-api';
      d.dns.domain = 'acme.example';
    });
    const hcl = await parsedDnsTf(m);
    expect(Object.keys(hcl.resource.powerdns_record ?? {})).toEqual(['sovereign']);
    expect(await appliedRecords(m)).toEqual(expected(m));
  });

  it('by hand: no dns.tf, no PowerDNS input; DNS-RECORDS.md lists the same records', () => {
    const m = manifestFor('zoned', (d) => {
      d.dns.mode = 'byo-manual';
      d.dns.domain = 'acme.example';
    });
    const files = infraFiles(m, { repositoryUrl: URL });
    expect(files.some((f) => f.path === DNS_TF)).toBe(false);
    expect(tfvarsOf(m)).not.toHaveProperty('powerdns_server_url');
    const doc = files.find((f) => f.path === DNS_RECORDS_PATH)?.content ?? '';
    for (const r of sovereignRecords(m, (c) => `<load_balancer_ipv4.${c}>`))
      for (const v of r.values) expect(doc).toContain(`${r.name} ${r.ttl} IN ${r.type} ${v}`);
  });

  it('a plan-only provider gets no dns.tf', () => {
    const m = manifestFor('solo', (d) => {
      d.infrastructure.provider = 'aws';
    });
    expect(dnsTfOf(m)).toBeUndefined();
  });
});
