// The OpenTofu root module for Hetzner Cloud committed into every Hetzner Sovereign's repository
// under infra/hetzner/. The .tf files and the cloud-init template are the same text for every
// Sovereign; what differs is sovereign.auto.tfvars.json (tfvars.ts) and the TF_VAR_ secrets.
// One cluster per entry of var.regions (keyed by the cluster's folder name under clusters/):
// network + subnet, firewall, load balancer (6443, 80, 443) and k3s nodes whose cloud-init installs
// k3s for Cilium, then Cilium, then Flux, and applies clusters/<cluster>/flux-system.
import { getComponent } from '../../constants/components';
import { yamlText } from '../flux/cluster-tree';
import { ciliumValues } from '../flux/values/platform';
import { CLOUD_INIT_TEMPLATE, HETZNER_PINS } from './pins';
import { mainTf } from './main-tf';
import { variablesTf } from './variables-tf';
import type { TextFile } from '../text-file';

export const HETZNER_MODULE_DIR = 'infra/hetzner';
export const HETZNER_TFVARS_FILE = 'sovereign.auto.tfvars.json';
export { CLOUD_INIT_TEMPLATE };

export { HETZNER_NETWORK_ZONES, HETZNER_PINS, INGRESS_NODE_PORTS } from './pins';

const chartOf = (id: 'cilium' | 'flux') => {
  const chart = getComponent(id).chart;
  if (!chart) throw new Error(`the catalog has no chart for ${id}`);
  return chart;
};
/** The charts cloud-init installs, from the catalog (the versions come from the manifest). */
export const BOOTSTRAP_CHARTS = { cilium: chartOf('cilium'), flux: chartOf('flux') } as const;

/** A secret input: only ever a `sensitive` variable set through the environment. */
export interface SecretVariable {
  readonly name: string;
  readonly env: string;
  /** Where the value comes from, in one sentence. */
  readonly from: string;
}

export const HETZNER_SECRET_VARIABLES: readonly SecretVariable[] = [
  {
    name: 'hcloud_token',
    env: 'TF_VAR_hcloud_token',
    from: 'a read & write API token of the Hetzner Cloud project (Cloud Console → Security → API tokens); the wizard’s provider token',
  },
  {
    name: 'gitops_token',
    env: 'TF_VAR_gitops_token',
    from: 'the `token` of GET /api/v1/deployments/<id>/repository (the read token of this repository, user `catalyst`)',
  },
  {
    name: 'registry_token',
    env: 'TF_VAR_registry_token',
    from: 'a token that pulls the Catalyst Blueprint charts from the blueprint registry (for ghcr.io a GitHub token with read:packages)',
  },
];

const versionsTf = `# Catalyst Bootstrap: OpenTofu root module for Hetzner Cloud (the same for every Sovereign).
# Inputs: sovereign.auto.tfvars.json (generated from the Sovereign manifest) and the secrets
# TF_VAR_hcloud_token, TF_VAR_gitops_token and TF_VAR_registry_token (see ../README.md).
terraform {
  required_version = "${HETZNER_PINS.tofu}"

  required_providers {
    hcloud = {
      source  = "hetznercloud/hcloud"
      version = "${HETZNER_PINS.hcloudProvider}"
    }
    random = {
      source  = "hashicorp/random"
      version = "${HETZNER_PINS.randomProvider}"
    }
  }
}

provider "hcloud" {
  token = var.hcloud_token
}
`;

const outputsTf = `# Per cluster (region): the Kubernetes API endpoint and the load balancer's addresses.

output "api_endpoints" {
  description = "Kubernetes API of each cluster, through its load balancer (port 6443)."
  value       = { for k, r in var.regions : k => "https://\${hcloud_load_balancer.cluster[k].ipv4}:6443" }
}

output "load_balancer_ipv4" {
  description = "Public IPv4 of each cluster's load balancer: the target of its A records."
  value       = { for k, r in var.regions : k => hcloud_load_balancer.cluster[k].ipv4 }
}

output "load_balancer_ipv6" {
  description = "Public IPv6 of each cluster's load balancer: the target of its AAAA records."
  value       = { for k, r in var.regions : k => hcloud_load_balancer.cluster[k].ipv6 }
}

output "clusters" {
  description = "Each cluster: its region, API endpoint, load-balancer addresses and control-plane addresses."
  value = {
    for k, r in var.regions : k => {
      region             = r.region
      location           = r.location
      api_endpoint       = "https://\${hcloud_load_balancer.cluster[k].ipv4}:6443"
      load_balancer_ipv4 = hcloud_load_balancer.cluster[k].ipv4
      load_balancer_ipv6 = hcloud_load_balancer.cluster[k].ipv6
      control_plane_ipv4 = [for n, v in local.nodes : hcloud_server.node[n].ipv4_address if v.cluster == k && v.role != "agent"]
    }
  }
}
`;

/** Cilium's Helm values as the tree's cilium HelmRelease sets them, indented for the template. */
const ciliumValuesBlock = yamlText(ciliumValues())
  .trimEnd()
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n');

/**
 * The cloud-init of one node, an OpenTofu template (templatefile): `\${name}` are its inputs, `$\${`
 * is a literal `\${` and `%{ if }` keeps the first control plane's steps to role "init".
 */
const cloudInit = `#cloud-config
# Catalyst Bootstrap: node \${node_name} of cluster \${cluster} (role \${role}).
# Log of the steps below: /var/log/catalyst-bootstrap.log
package_update: true
packages:
  - curl
  - git
  - ca-certificates
write_files:
  - path: /etc/rancher/k3s/config.yaml
    permissions: "0600"
    content: |
      token: \${k3s_token}
%{ if role == "init" ~}
  - path: /var/lib/catalyst/cilium-values.yaml
    permissions: "0600"
    content: |
${ciliumValuesBlock}
  - path: /var/lib/catalyst/gitops-token
    permissions: "0600"
    content: '\${gitops_token}'
  - path: /var/lib/catalyst/registry-token
    permissions: "0600"
    content: '\${registry_token}'
%{ if kubeconfig_callback_url != "" ~}
  - path: /var/lib/catalyst/kubeconfig-callback-header
    permissions: "0600"
    content: 'Authorization: Bearer \${kubeconfig_callback_token}'
%{ endif ~}
%{ endif ~}
  - path: /var/lib/catalyst/bootstrap.sh
    permissions: "0700"
    content: |
      #!/bin/bash
      set -euo pipefail
      exec >>/var/log/catalyst-bootstrap.log 2>&1
      echo "catalyst: bootstrap of \${node_name} ($(date -u +%FT%TZ))"
      arch=$(dpkg --print-architecture)

      # 1. k3s \${k3s_version}, set up for Cilium: no flannel, kube-proxy, network policy, traefik, servicelb.
%{ if role == "agent" ~}
      curl -sfL https://get.k3s.io | INSTALL_K3S_VERSION='\${k3s_version}' sh -s - agent \\
        --server=\${server_url} --node-name=\${node_name} --node-ip=\${node_ip}
%{ else ~}
%{ if role == "init" ~}
      join="--cluster-init"
%{ else ~}
      join="--server=\${server_url}"
%{ endif ~}
      curl -sfL https://get.k3s.io | INSTALL_K3S_VERSION='\${k3s_version}' sh -s - server $join \\
        --node-name=\${node_name} --node-ip=\${node_ip} \\
        --flannel-backend=none --disable-kube-proxy --disable-network-policy \\
        --disable=traefik --disable=servicelb \\
        --tls-san=\${lb_ipv4} --tls-san=\${lb_private_ip}
%{ endif ~}
%{ if role == "init" ~}
      export KUBECONFIG=/etc/rancher/k3s/k3s.yaml
      until kubectl get --raw=/readyz >/dev/null 2>&1; do sleep 5; done
%{ if kubeconfig_callback_url != "" ~}

      # 1b. The kubeconfig to the bootstrap API (single-use token), its server the load balancer's
      # 6443 (the certificate has --tls-san for it); a failure does not stop the bootstrap.
      (umask 077 && sed 's#https://127.0.0.1:6443#https://\${lb_ipv4}:6443#' /etc/rancher/k3s/k3s.yaml \
        >/var/lib/catalyst/kubeconfig.yaml)
      curl -fsS -X PUT --retry 30 --retry-delay 10 --retry-all-errors --max-time 30 \
        -H @/var/lib/catalyst/kubeconfig-callback-header -H 'Content-Type: application/yaml' \
        --data-binary @/var/lib/catalyst/kubeconfig.yaml \
        '\${kubeconfig_callback_url}/api/v1/deployments/\${deployment_id}/clusters/\${cluster}/kubeconfig' \
        || echo "catalyst: the kubeconfig callback failed; fetch /etc/rancher/k3s/k3s.yaml by hand"
      rm -f /var/lib/catalyst/kubeconfig.yaml /var/lib/catalyst/kubeconfig-callback-header
%{ endif ~}

      curl -fsSL -o /tmp/helm.tgz "https://get.helm.sh/helm-\${helm_version}-linux-$arch.tar.gz"
      tar -xzf /tmp/helm.tgz -C /tmp
      install -m 0755 "/tmp/linux-$arch/helm" /usr/local/bin/helm

      # 2. Cilium \${cilium_version} (release cilium in kube-system, the values of the tree's cilium HelmRelease).
      helm status cilium --namespace kube-system >/dev/null 2>&1 || \\
        helm install cilium ${BOOTSTRAP_CHARTS.cilium.name} --repo ${BOOTSTRAP_CHARTS.cilium.repository} --version \${cilium_version} \\
          --namespace kube-system --values /var/lib/catalyst/cilium-values.yaml --wait --timeout 15m

      # 3. Flux: the flux2 chart \${flux_version} as release flux (the tree's flux HelmRelease manages it from here).
      helm status flux --namespace flux-system >/dev/null 2>&1 || \\
        helm install flux ${BOOTSTRAP_CHARTS.flux.name} --repo ${BOOTSTRAP_CHARTS.flux.repository} --version \${flux_version} \\
          --namespace flux-system --create-namespace --wait --timeout 15m

      # 4. The two Secrets that exist before OpenBao: the git credentials and the blueprint pull secret.
      kubectl -n flux-system create secret generic flux-system \\
        --from-literal=username=catalyst --from-file=password=/var/lib/catalyst/gitops-token \\
        --dry-run=client -o yaml | kubectl apply -f -
      kubectl -n flux-system create secret docker-registry \${pull_secret_name} \\
        --docker-server=\${registry_server} --docker-username=\${registry_username} \\
        --docker-password="$(cat /var/lib/catalyst/registry-token)" \\
        --dry-run=client -o yaml | kubectl apply -f -

      # 5. This cluster's flux-system/ from the GitOps repository: Flux pulls the rest of the tree.
      rm -rf /var/lib/catalyst/gitops
      auth=$(printf 'catalyst:%s' "$(cat /var/lib/catalyst/gitops-token)" | base64 -w0)
      git -c "http.extraHeader=Authorization: Basic $auth" clone --depth 1 \\
        '\${gitops_repository_url}' /var/lib/catalyst/gitops
      kubectl apply -k /var/lib/catalyst/gitops/clusters/\${cluster}/flux-system
      rm -rf /var/lib/catalyst/gitops /var/lib/catalyst/gitops-token /var/lib/catalyst/registry-token
%{ endif ~}
      echo "catalyst: bootstrap of \${node_name} done ($(date -u +%FT%TZ))"
runcmd:
  - [bash, /var/lib/catalyst/bootstrap.sh]
`;

/** One file of the module: a path under infra/hetzner/ and its text. */
export type TofuFile = TextFile;

/** The module's static files (the same for every Sovereign). */
export function hetznerModuleFiles(): TofuFile[] {
  const at = (name: string, content: string): TofuFile => ({
    path: `${HETZNER_MODULE_DIR}/${name}`,
    content,
  });
  return [
    at('versions.tf', versionsTf),
    at('variables.tf', variablesTf),
    at('main.tf', mainTf),
    at('outputs.tf', outputsTf),
    at(CLOUD_INIT_TEMPLATE, cloudInit),
  ];
}
