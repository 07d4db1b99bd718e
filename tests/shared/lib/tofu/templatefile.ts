// A stand-in for OpenTofu's templatefile() over the subset the cloud-init template uses: `${name}`
// interpolation of a given input, `$${` for a literal `${`, and `%{ if name == "x" ~}` /
// `%{ if name != "x" ~}`, `%{ else ~}`, `%{ endif ~}` alone on their lines. Anything else (a
// function call, an unknown input, another directive) throws, so the template cannot drift into
// syntax this stand-in does not check. templateVars: the inputs main.tf passes it, for one node.
import { HETZNER_PINS, type HetznerTfvars } from '../../../../src/shared/lib/tofu';

export function renderTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  const out: string[] = [];
  const stack: { active: boolean; parent: boolean }[] = [];
  const active = () => stack.every((s) => s.active);
  for (const line of template.split('\n')) {
    const d = /^%\{ (?:if ([a-z][a-z0-9_]*) (==|!=) "([^"]*)"|(else)|(endif)) ~\}$/.exec(line);
    if (d) {
      if (d[5]) {
        if (!stack.pop()) throw new Error('endif without if');
      } else if (d[4]) {
        const top = stack.at(-1);
        if (!top) throw new Error('else without if');
        top.active = !top.active;
      } else {
        const name = d[1] ?? '';
        if (!(name in vars)) throw new Error(`unknown input ${name}`);
        const eq = vars[name] === d[3];
        stack.push({ active: d[2] === '==' ? eq : !eq, parent: active() });
      }
      continue;
    }
    if (line.includes('%{')) throw new Error(`unsupported directive: ${line}`);
    if (!active()) continue;
    const escaped = line.split('$${');
    out.push(
      escaped
        .map((part) =>
          part.replace(/\$\{([^}]*)\}/g, (_, expr: string) => {
            if (!/^[a-z][a-z0-9_]*$/.test(expr) || !(expr in vars))
              throw new Error(`unsupported interpolation \${${expr}}`);
            return vars[expr] ?? '';
          }),
        )
        .join('${'),
    );
  }
  if (stack.length) throw new Error('if without endif');
  return out.join('\n');
}

/** The inputs main.tf passes to templatefile, for one node (fake addresses and secrets). */
export function templateVars(
  tfvars: HetznerTfvars,
  cluster: string,
  role: string,
): Record<string, string> {
  return {
    role,
    cluster,
    node_name: `${cluster}-${role}`,
    node_ip: '10.1.1.11',
    server_url: 'https://10.1.1.10:6443',
    k3s_token: 'k3stoken',
    k3s_version: HETZNER_PINS.k3s,
    lb_ipv4: '203.0.113.10',
    lb_private_ip: '10.1.1.5',
    helm_version: HETZNER_PINS.helm,
    cilium_version: tfvars.cilium_version,
    flux_version: tfvars.flux_version,
    gitops_repository_url: tfvars.gitops_repository_url,
    gitops_token: 'gitops-secret',
    registry_server: tfvars.registry_server,
    registry_username: 'catalyst',
    registry_token: 'registry-secret',
    pull_secret_name: tfvars.pull_secret_name,
    kubeconfig_callback_url: '',
    deployment_id: '',
    kubeconfig_callback_token: '',
  };
}
