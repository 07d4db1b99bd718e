// The Hetzner OpenTofu module, checked offline (no OpenTofu binary and no cloud exist here; setup:
// hetzner-module-fixtures.ts): every file parses as HCL (@cdktf/hcl2json), every var.X is declared,
// every variable typed and validated, secrets sensitive, the provider pinned (the tfvars and
// cloud-init it is given: hetzner-module-cloud-init.test.ts).
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import {
  CLOUD_INIT_TEMPLATE,
  HETZNER_MODULE_DIR,
  HETZNER_NETWORK_ZONES,
  HETZNER_PINS,
  HETZNER_SECRET_VARIABLES,
} from '../../../../src/shared/lib/tofu';
import {
  files,
  parsed,
  text,
  tfFiles,
  useParsedModule,
  variables,
  type Block,
} from './hetzner-module-fixtures';

useParsedModule();

describe('the Hetzner module parses and is self-consistent', () => {
  it('has versions.tf, variables.tf, main.tf, outputs.tf and the cloud-init template', () => {
    expect(files.map((f) => f.path.slice(HETZNER_MODULE_DIR.length + 1)).sort()).toEqual(
      [CLOUD_INIT_TEMPLATE, 'main.tf', 'outputs.tf', 'variables.tf', 'versions.tf'].sort(),
    );
  });

  it('every .tf file parses offline with hcl2json', () => {
    expect(parsed.size).toBe(4);
    const main = parsed.get(`${HETZNER_MODULE_DIR}/main.tf`) as { resource: Block };
    expect(Object.keys(main.resource).sort()).toEqual(
      [
        'hcloud_firewall',
        'hcloud_load_balancer',
        'hcloud_load_balancer_network',
        'hcloud_load_balancer_service',
        'hcloud_load_balancer_target',
        'hcloud_network',
        'hcloud_network_subnet',
        'hcloud_server',
        'hcloud_ssh_key',
        'hcloud_volume',
        'random_password',
      ].sort(),
    );
    const outputs = parsed.get(`${HETZNER_MODULE_DIR}/outputs.tf`) as { output: Block };
    expect(Object.keys(outputs.output)).toEqual(
      expect.arrayContaining(['api_endpoints', 'load_balancer_ipv4', 'clusters']),
    );
  });

  it('a syntax error is caught by the parser (the check can fail)', async () => {
    await expect(parseHcl('broken.tf', 'resource "x" "y" {\n  a = \n')).rejects.toThrow();
  });

  it('pins the hcloud provider exactly', () => {
    const versions = parsed.get(`${HETZNER_MODULE_DIR}/versions.tf`) as {
      terraform: { required_providers: Record<string, { source: string; version: string }>[] }[];
    };
    const providers = versions.terraform[0]?.required_providers[0] ?? {};
    expect(providers.hcloud).toEqual({
      source: 'hetznercloud/hcloud',
      version: HETZNER_PINS.hcloudProvider,
    });
    expect(providers.hcloud?.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('every var.X referenced is declared, and every declared variable is used', () => {
    const referenced = new Set<string>();
    for (const f of tfFiles)
      for (const m of f.content.matchAll(/\bvar\.([a-z_][a-z0-9_]*)/g)) referenced.add(m[1] ?? '');
    const declared = new Set(Object.keys(variables));
    expect([...referenced].filter((v) => !declared.has(v))).toEqual([]);
    expect([...declared].filter((v) => !referenced.has(v))).toEqual([]);
  });

  it('every local.X and resource reference resolves', () => {
    const main = parsed.get(`${HETZNER_MODULE_DIR}/main.tf`) as {
      locals: Block[];
      resource: Record<string, Block>;
    };
    const locals = new Set(main.locals.flatMap((l) => Object.keys(l)));
    const resources = new Set(
      Object.entries(main.resource).flatMap(([type, byName]) =>
        Object.keys(byName).map((n) => `${type}.${n}`),
      ),
    );
    for (const f of tfFiles) {
      for (const m of f.content.matchAll(/\blocal\.([a-z_][a-z0-9_]*)/g))
        expect(locals, `${f.path}: local.${m[1]}`).toContain(m[1]);
      for (const m of f.content.matchAll(/\b((?:hcloud|random)_[a-z_]+)\.([a-z_]+)\[/g))
        expect(resources, `${f.path}: ${m[1]}.${m[2]}`).toContain(`${m[1]}.${m[2]}`);
    }
  });

  it('every variable is typed and validated; the secrets are sensitive, without a default', () => {
    for (const [name, v] of Object.entries(variables)) {
      expect(v.type, name).toBeTruthy();
      expect(v.validation?.length ?? 0, `${name} has a validation block`).toBeGreaterThan(0);
    }
    const sensitive = Object.entries(variables)
      .filter(([, v]) => v.sensitive)
      .map(([n]) => n)
      .sort();
    expect(sensitive).toEqual([
      'gitops_token',
      'hcloud_token',
      'kubeconfig_callback_tokens',
      'registry_token',
    ]);
    // The callback tokens are the executor's (default: none), not a secret a user exports.
    expect(HETZNER_SECRET_VARIABLES.map((s) => s.name).sort()).toEqual(
      sensitive.filter((n) => n !== 'kubeconfig_callback_tokens'),
    );
    expect(variables.kubeconfig_callback_tokens).toMatchObject({
      type: '${map(string)}',
      default: {},
    });
    for (const s of HETZNER_SECRET_VARIABLES) {
      expect(variables[s.name]?.default).toBeUndefined();
      expect(s.env).toBe(`TF_VAR_${s.name}`);
    }
  });

  it('the load balancer has 6443, 80 and 443 and the firewall opens SSH only from ssh_allowed_cidrs', () => {
    const main = text('main.tf');
    for (const port of [6443, 80, 443])
      expect(main).toMatch(new RegExp(`listen_port\\s+= ${port}\\n`));
    expect(variables.ssh_allowed_cidrs?.default).toEqual([]);
    expect(main).toMatch(/for_each = length\(var\.ssh_allowed_cidrs\) > 0 \? \["ssh"\] : \[\]/);
    expect(main).toMatch(/source_ips\s+= var\.ssh_allowed_cidrs/);
    expect(main).toMatch(/for_each = \{ http = "80", https = "443", kube_api = "6443" \}/);
  });

  it('knows the network zone of every Hetzner location the wizard offers', () => {
    for (const l of ['fsn1', 'nbg1', 'hel1', 'ash', 'hil'])
      expect(HETZNER_NETWORK_ZONES[l]).toBeTruthy();
  });
});
