// The Hetzner OpenTofu module's inputs, checked offline (no OpenTofu binary and no cloud exist
// here; setup: hetzner-module-fixtures.ts): the generated tfvars set exactly declared variables and
// every variable without a default, secrets only as sensitive TF_VAR_s, and cloud-init renders for
// every topology with the k3s, Cilium and Flux steps and the cluster path (the module's own files:
// hetzner-module-parse.test.ts).
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { getComponent } from '../../../../src/shared/constants/components';
import { TOPOLOGY_IDS } from '../../../../src/shared/constants/domain';
import { renderFluxTree } from '../../../../src/shared/lib/flux/render-flux-tree';
import { ciliumValues } from '../../../../src/shared/lib/flux/values/platform';
import { clusterNames } from '../../../../src/shared/lib/placement';
import {
  CLOUD_INIT_TEMPLATE,
  HETZNER_MODULE_DIR,
  HETZNER_NETWORK_ZONES,
  HETZNER_PINS,
  repositoryUrlOf,
  secretVariables,
  type HetznerTfvars,
} from '../../../../src/shared/lib/tofu';
import {
  declaredVariablesOf,
  manifestFor,
  parsed,
  text,
  tfvarsOf,
  URL,
  useParsedModule,
  variables,
  type Block,
} from './hetzner-module-fixtures';
import { renderTemplate, templateVars } from './templatefile';

useParsedModule();

describe.each(TOPOLOGY_IDS)('tfvars and cloud-init of a %s Sovereign', (topology) => {
  const manifest = manifestFor(topology);
  const tree = renderFluxTree(manifest, { repositoryUrl: URL });
  const tfvars = tfvarsOf(manifest);
  const names = clusterNames('acme', 'hetzner', manifest.spec.infrastructure.regions);

  it('sets only declared variables, and every variable without a default or a TF_VAR_ secret', async () => {
    const all = await declaredVariablesOf(manifest);
    const declared = Object.keys(all);
    expect(declared).toContain('powerdns_server_url'); // pool mode: dns.tf declares its inputs
    expect(Object.keys(tfvars).filter((k) => !declared.includes(k))).toEqual([]);
    const secrets = new Set(secretVariables('hetzner', true).map((s) => s.name));
    const unset = Object.entries(all)
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
