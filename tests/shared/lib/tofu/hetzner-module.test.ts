// The Hetzner OpenTofu module, checked offline (no OpenTofu binary and no cloud exist here): every
// file parses as HCL (@cdktf/hcl2json), every var.X is declared, the generated tfvars set exactly
// declared variables and every variable without a default, secrets only as sensitive TF_VAR_s, and
// cloud-init renders for every topology with the k3s, Cilium and Flux steps and the cluster path.
import { parse as parseHcl } from '@cdktf/hcl2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { getComponent } from '../../../../src/shared/constants/components';
import { TOPOLOGY_IDS, type TopologyId } from '../../../../src/shared/constants/domain';
import { regionsForTopology } from '../../../../src/shared/lib/draft-defaults';
import { renderFluxTree } from '../../../../src/shared/lib/flux/render-flux-tree';
import { ciliumValues } from '../../../../src/shared/lib/flux/values/platform';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import { clusterNames } from '../../../../src/shared/lib/placement';
import {
  CLOUD_INIT_TEMPLATE,
  HETZNER_MODULE_DIR,
  HETZNER_NETWORK_ZONES,
  HETZNER_PINS,
  HETZNER_SECRET_VARIABLES,
  HETZNER_TFVARS_PATH,
  hetznerModuleFiles,
  infraFiles,
  repositoryUrlOf,
  type HetznerTfvars,
} from '../../../../src/shared/lib/tofu';
import { validDraft } from '../manifest-fixtures';
import { renderTemplate, templateVars } from './templatefile';

const URL = 'https://bootstrap.example/git/acme.git';
type Block = Record<string, unknown>;
interface Variable {
  type?: string;
  default?: unknown;
  sensitive?: boolean;
  validation?: Block[];
}

function manifestFor(topology: TopologyId, tweak?: (d: ReturnType<typeof validDraft>) => void) {
  const d = validDraft();
  d.infrastructure.topology = topology;
  d.infrastructure.regions = regionsForTopology(topology, d.infrastructure.provider);
  tweak?.(d);
  return buildManifest(d);
}

const files = hetznerModuleFiles();
const text = (name: string): string => {
  const f = files.find((x) => x.path === `${HETZNER_MODULE_DIR}/${name}`);
  if (!f) throw new Error(`no ${name}`);
  return f.content;
};
const tfFiles = files.filter((f) => f.path.endsWith('.tf'));
const parsed = new Map<string, Record<string, unknown>>();
let variables: Record<string, Variable> = {};

beforeAll(async () => {
  for (const f of tfFiles) parsed.set(f.path, (await parseHcl(f.path, f.content)) as Block);
  const vars = parsed.get(`${HETZNER_MODULE_DIR}/variables.tf`)?.variable as
    Record<string, Variable[]> | undefined;
  variables = Object.fromEntries(
    Object.entries(vars ?? {}).map(([name, blocks]) => [name, blocks[0] ?? {}]),
  );
});

const tfvarsOf = (m: ReturnType<typeof manifestFor>): HetznerTfvars => {
  const f = infraFiles(m, { repositoryUrl: URL }).find((x) => x.path === HETZNER_TFVARS_PATH);
  if (!f) throw new Error('no tfvars');
  return JSON.parse(f.content) as HetznerTfvars;
};

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

describe.each(TOPOLOGY_IDS)('tfvars and cloud-init of a %s Sovereign', (topology) => {
  const manifest = manifestFor(topology);
  const tree = renderFluxTree(manifest, { repositoryUrl: URL });
  const tfvars = tfvarsOf(manifest);
  const names = clusterNames('acme', 'hetzner', manifest.spec.infrastructure.regions);

  it('sets only declared variables, and every variable without a default or a TF_VAR_ secret', () => {
    const declared = Object.keys(variables);
    expect(Object.keys(tfvars).filter((k) => !declared.includes(k))).toEqual([]);
    const secrets = new Set(HETZNER_SECRET_VARIABLES.map((s) => s.name));
    const unset = Object.entries(variables)
      .filter(([n, v]) => v.default === undefined && !(n in tfvars) && !secrets.has(n))
      .map(([n]) => n);
    expect(unset).toEqual([]);
    for (const s of secrets) expect(tfvars).not.toHaveProperty(s);
  });

  it('keys the regions by the cluster folder names, one per region of the topology', () => {
    expect(Object.keys(tfvars.regions)).toEqual(names);
    for (const n of names)
      expect(tree.some((f) => f.path === `clusters/${n}/flux-system/kustomization.yaml`)).toBe(
        true,
      );
    const cidrs = Object.values(tfvars.regions).map((r) => r.network_cidr);
    expect(new Set(cidrs).size).toBe(cidrs.length);
    manifest.spec.infrastructure.regions.forEach((r, i) => {
      const v = tfvars.regions[names[i] ?? ''];
      expect(v).toMatchObject({
        region: r.name,
        location: r.cloudRegion,
        control_plane: { server_type: r.controlPlane.size, count: r.controlPlane.count },
        workers: { server_type: r.workers.size, count: r.workers.count },
      });
      expect(HETZNER_NETWORK_ZONES[v?.location ?? '']).toBeTruthy();
      expect(names[i]).toMatch(/^[a-z][a-z0-9-]{0,44}[a-z0-9]$/);
    });
    expect(tfvars.cilium_version).toBe(getComponent('cilium').chart?.version);
    expect(tfvars.flux_version).toBe(getComponent('flux').chart?.version);
    expect(tfvars.gitops_repository_url).toBe(repositoryUrlOf(tree));
  });

  it('renders cloud-init for every node: k3s for Cilium, then Cilium, Flux and the cluster path on the first', () => {
    const template = text(CLOUD_INIT_TEMPLATE);
    for (const [cluster, r] of Object.entries(tfvars.regions)) {
      const roles = [
        'init',
        ...Array.from({ length: r.control_plane.count - 1 }, () => 'server'),
        ...(r.workers.count > 0 ? ['agent'] : []),
      ];
      for (const role of roles) {
        const out = renderTemplate(template, templateVars(tfvars, cluster, role));
        const doc = parseYaml(out) as {
          write_files: { path: string; content: string }[];
          runcmd: unknown[];
        };
        const script =
          doc.write_files.find((f) => f.path === '/var/lib/catalyst/bootstrap.sh')?.content ?? '';
        expect(script).toContain(`INSTALL_K3S_VERSION='${HETZNER_PINS.k3s}'`);
        expect(doc.runcmd).toEqual([['bash', '/var/lib/catalyst/bootstrap.sh']]);
        if (role === 'agent') {
          expect(script).toMatch(/sh -s - agent/);
          expect(script).not.toContain('helm install');
          continue;
        }
        for (const flag of [
          '--flannel-backend=none',
          '--disable-kube-proxy',
          '--disable-network-policy',
          '--disable=traefik',
          '--disable=servicelb',
          '--tls-san=203.0.113.10',
        ])
          expect(script).toContain(flag);
        if (role === 'server') {
          expect(script).toContain('--server=https://10.');
          expect(script).not.toContain('helm install');
          continue;
        }
        expect(script).toContain('--cluster-init');
        const cilium = script.indexOf(
          `helm install cilium cilium --repo https://helm.cilium.io --version ${tfvars.cilium_version}`,
        );
        const flux = script.indexOf(
          `helm install flux flux2 --repo https://fluxcd-community.github.io/helm-charts --version ${tfvars.flux_version}`,
        );
        const apply = script.indexOf(
          `kubectl apply -k /var/lib/catalyst/gitops/clusters/${cluster}/flux-system`,
        );
        expect(cilium).toBeGreaterThan(script.indexOf('get.k3s.io'));
        expect(flux).toBeGreaterThan(cilium);
        expect(apply).toBeGreaterThan(flux);
        expect(script).toContain('create secret generic flux-system');
        expect(script).toContain('--from-literal=username=catalyst');
        expect(script).toContain(`create secret docker-registry ${tfvars.pull_secret_name}`);
        expect(script).toContain(`'${URL}' /var/lib/catalyst/gitops`);
        const values = doc.write_files.find(
          (f) => f.path === '/var/lib/catalyst/cilium-values.yaml',
        );
        expect(parseYaml(values?.content ?? '')).toEqual(ciliumValues());
        const token = doc.write_files.find((f) => f.path === '/var/lib/catalyst/gitops-token');
        expect(token?.content).toBe('gitops-secret');
      }
    }
  });
});

describe('cloud-init inputs', () => {
  it('main.tf passes templatefile exactly the inputs the template uses', () => {
    const main = text('main.tf');
    const call = main.slice(
      main.indexOf('templatefile('),
      main.indexOf('})', main.indexOf('templatefile(')),
    );
    const passed = [...call.matchAll(/^\s+([a-z][a-z0-9_]*)\s+=/gm)].map((m) => m[1]).sort();
    const used = [
      ...new Set(
        [...text(CLOUD_INIT_TEMPLATE).matchAll(/(?<!\$)\$\{([a-z][a-z0-9_]*)\}/g)].map((m) => m[1]),
      ),
    ];
    const inIfs = [...text(CLOUD_INIT_TEMPLATE).matchAll(/%\{ if ([a-z_]+) /g)].map((m) => m[1]);
    expect(passed).toEqual([...new Set([...used, ...inIfs])].sort());
    expect(Object.keys(templateVars({} as HetznerTfvars, 'c', 'init')).sort()).toEqual(passed);
  });

  it('the Flux install is the one the tree README prints', () => {
    const m = manifestFor('solo');
    const readme =
      renderFluxTree(m, { repositoryUrl: URL }).find((f) => f.path === 'README.md')?.content ?? '';
    const line = readme.split('\n').find((l) => l.startsWith('helm install flux ')) ?? '';
    const tf = tfvarsOf(m);
    const script = renderTemplate(text(CLOUD_INIT_TEMPLATE), templateVars(tf, 'c', 'init'));
    expect(line).not.toBe('');
    expect(script.replace(/\\\n\s*/g, '')).toContain(line.replace(/\s*\\$/, '').trim());
    expect(readme).toContain('--namespace flux-system --create-namespace');
    expect(script).toContain('--namespace flux-system --create-namespace');
  });

  it('single control plane without HA, and no worker step when workers are 0', () => {
    const m = manifestFor('solo', (d) => {
      const r = d.infrastructure.regions[0];
      if (r) {
        r.controlPlane.ha = false;
        r.workers.count = 0;
      }
    });
    const tf = tfvarsOf(m);
    expect(Object.values(tf.regions)[0]).toMatchObject({
      control_plane: { count: 1 },
      workers: { count: 0 },
    });
  });

  it('a worker volume is passed as workers.volume_gb, declared in the regions type, one hcloud_volume per worker', () => {
    const m = manifestFor('solo', (d) => {
      const r = d.infrastructure.regions[0];
      if (r) r.workers = { size: 'cpx42', count: 3, volumeGb: 200 };
    });
    const tf = tfvarsOf(m);
    const workers = Object.values(tf.regions)[0]?.workers;
    expect(workers).toEqual({ server_type: 'cpx42', count: 3, volume_gb: 200 });
    const type = String(variables.regions?.type);
    for (const key of Object.keys(workers ?? {})) expect(type).toContain(key);
    expect(type).toMatch(/volume_gb\s*=\s*optional\(number, 0\)/);
    expect(Object.values(tfvarsOf(manifestFor('solo')).regions)[0]?.workers.volume_gb).toBe(0);
    const main = parsed.get(`${HETZNER_MODULE_DIR}/main.tf`) as {
      resource: Record<string, Record<string, Block[]>>;
    };
    const volume = main.resource.hcloud_volume?.worker?.[0];
    expect(volume).toMatchObject({ size: '${each.value.volume_gb}', automount: true });
    expect(String(volume?.for_each)).toMatch(/if n\.volume_gb > 0/);
    expect(String(volume?.server_id)).toContain('hcloud_server.node[each.key].id');
  });
});
