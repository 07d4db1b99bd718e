// The kubeconfig callback in the Hetzner module, checked offline: the first control plane's
// cloud-init PUTs its kubeconfig (rewritten to the load balancer's 6443) to the bootstrap API with
// its cluster's token, read from a 0600 file; no other node gets a token; the token map is a
// sensitive variable no committed file sets; the URL's validation takes https and loopback http.
import { parse as parseHcl } from '@cdktf/hcl2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { regionsForTopology } from '../../../../src/shared/lib/draft-defaults';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import {
  CLOUD_INIT_TEMPLATE,
  HETZNER_MODULE_DIR,
  HETZNER_TFVARS_PATH,
  hetznerModuleFiles,
  infraFiles,
  type HetznerTfvars,
} from '../../../../src/shared/lib/tofu';
import { validDraft } from '../manifest-fixtures';
import { renderTemplate, templateVars } from './templatefile';

const URL = 'https://bootstrap.example/git/acme.git';
interface Variable {
  type?: string;
  default?: unknown;
  sensitive?: boolean;
}
const files = hetznerModuleFiles();
const text = (name: string): string =>
  files.find((x) => x.path === `${HETZNER_MODULE_DIR}/${name}`)?.content ?? '';
let variables: Record<string, Variable> = {};
beforeAll(async () => {
  const parsed = (await parseHcl('variables.tf', text('variables.tf'))) as {
    variable: Record<string, Variable[]>;
  };
  variables = Object.fromEntries(
    Object.entries(parsed.variable).map(([name, blocks]) => [name, blocks[0] ?? {}]),
  );
});

function manifestFor() {
  const d = validDraft();
  d.infrastructure.topology = 'solo';
  d.infrastructure.regions = regionsForTopology('solo', d.infrastructure.provider);
  return buildManifest(d);
}
const tfvarsOf = (m: ReturnType<typeof manifestFor>): HetznerTfvars =>
  JSON.parse(
    infraFiles(m, { repositoryUrl: URL }).find((x) => x.path === HETZNER_TFVARS_PATH)?.content ??
      '{}',
  ) as HetznerTfvars;

describe('the kubeconfig callback', () => {
  const m = manifestFor();
  const tf = tfvarsOf(m);
  const cluster = Object.keys(tf.regions)[0] ?? '';
  const ID = '0b9c2c4e-1d2f-4a5b-8c6d-7e8f9a0b1c2d';
  const TOKEN = 'A'.repeat(40) + '_-z';
  const withCallback = (role: string) => ({
    ...templateVars(tf, cluster, role),
    kubeconfig_callback_url: 'https://bootstrap.example',
    deployment_id: ID,
    kubeconfig_callback_token: role === 'init' ? TOKEN : '',
  });
  const render = (vars: Record<string, string>) => {
    const doc = parseYaml(renderTemplate(text(CLOUD_INIT_TEMPLATE), vars)) as {
      write_files: { path: string; content: string }[];
    };
    const file = (p: string) => doc.write_files.find((f) => f.path === p)?.content;
    return { script: file('/var/lib/catalyst/bootstrap.sh') ?? '', file };
  };

  it('the first control plane PUTs its kubeconfig, rewritten to the load balancer, with the token from a 0600 file', () => {
    const { script, file } = render(withCallback('init'));
    const put = `'https://bootstrap.example/api/v1/deployments/${ID}/clusters/${cluster}/kubeconfig'`;
    expect(script).toContain(put);
    expect(script).toMatch(/curl -fsS -X PUT --retry 30 --retry-delay 10 --retry-all-errors/);
    expect(script).toContain(
      "-H @/var/lib/catalyst/kubeconfig-callback-header -H 'Content-Type: application/yaml'",
    );
    expect(script).toContain(
      "sed 's#https://127.0.0.1:6443#https://203.0.113.10:6443#' /etc/rancher/k3s/k3s.yaml",
    );
    expect(script).toContain('--tls-san=203.0.113.10');
    // After k3s answers, before Cilium; never fatal; the token file removed afterwards.
    expect(script.indexOf(put)).toBeGreaterThan(script.indexOf('kubectl get --raw=/readyz'));
    expect(script.indexOf(put)).toBeLessThan(script.indexOf('helm install cilium'));
    expect(script).toMatch(/\|\| echo "catalyst: the kubeconfig callback failed/);
    expect(script).toContain(
      'rm -f /var/lib/catalyst/kubeconfig.yaml /var/lib/catalyst/kubeconfig-callback-header',
    );
    expect(file('/var/lib/catalyst/kubeconfig-callback-header')).toBe(
      `Authorization: Bearer ${TOKEN}`,
    );
    // The token is in no command line (ps would show it): only in the header file.
    expect(script).not.toContain(TOKEN);
  });

  it('no other node gets the callback or a token; without a URL there is no callback at all', () => {
    for (const role of ['server', 'agent']) {
      const { script, file } = render(withCallback(role));
      expect(script).not.toContain('/kubeconfig');
      expect(file('/var/lib/catalyst/kubeconfig-callback-header')).toBeUndefined();
    }
    const off = render(templateVars(tf, cluster, 'init'));
    expect(off.script).not.toContain('curl -fsS -X PUT');
    expect(off.file('/var/lib/catalyst/kubeconfig-callback-header')).toBeUndefined();
    expect(text('main.tf')).toContain(
      'kubeconfig_callback_token = each.value.role == "init" ? lookup(var.kubeconfig_callback_tokens, each.value.cluster, "") : ""',
    );
  });

  it('the tokens are a sensitive variable no committed file sets; the URL accepts https and loopback http only', () => {
    expect(variables.kubeconfig_callback_tokens?.sensitive).toBe(true);
    for (const f of infraFiles(m, { repositoryUrl: URL }))
      expect(
        f.path.endsWith('.json') ? Object.keys(JSON.parse(f.content) as object) : [],
      ).not.toContain('kubeconfig_callback_tokens');
    expect(variables.kubeconfig_callback_url?.default).toBe('');
    expect(variables.deployment_id?.default).toBe('');
    const patterns = [
      ...text('variables.tf').matchAll(
        /regex\("((?:[^"\\]|\\.)*)", var\.kubeconfig_callback_url\)/g,
      ),
    ].map((x) => new RegExp((x[1] ?? '').replace(/\\(.)/g, '$1')));
    expect(patterns).toHaveLength(2);
    const ok = (u: string) => u === '' || patterns.some((p) => p.test(u));
    for (const u of [
      '',
      'https://bootstrap.example',
      'https://b.example/prefix',
      'http://127.0.0.1:4173',
    ])
      expect(ok(u), u).toBe(true);
    for (const u of [
      'http://bootstrap.example',
      'https://b.example/',
      "https://b.example/'x",
      'ftp://x',
    ])
      expect(ok(u), u).toBe(false);
  });
});
