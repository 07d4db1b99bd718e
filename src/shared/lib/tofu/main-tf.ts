// main.tf of the Hetzner module: per region a network, firewall, load balancer and k3s nodes.
import { CLOUD_INIT_TEMPLATE, HETZNER_NETWORK_ZONES } from './pins';

export const mainTf = `# One Kubernetes cluster (k3s, Cilium, Flux) per entry of var.regions, on its own private network.

locals {
  network_zones = {
${Object.entries(HETZNER_NETWORK_ZONES)
  .map(([l, z]) => `    ${l} = "${z}"`)
  .join('\n')}
  }

  labels = {
    "catalyst.openova.io/sovereign" = var.sovereign_name
    "catalyst.openova.io/managed-by" = "catalyst-bootstrap"
  }

  # The subnet the servers and the load balancer of a cluster live in: 10.N.1.0/24 of 10.N.0.0/16.
  subnets       = { for k, r in var.regions : k => cidrsubnet(r.network_cidr, 8, 1) }
  lb_private_ip = { for k, r in var.regions : k => cidrhost(local.subnets[k], 5) }
  first_server  = { for k, r in var.regions : k => cidrhost(local.subnets[k], 10) }

  # Every node: control planes at .10, .11, .12 (the first initialises the cluster and installs
  # Cilium and Flux), workers from .100.
  nodes = merge(
    merge([
      for k, r in var.regions : {
        for i in range(r.control_plane.count) : "\${k}-cp-\${i + 1}" => {
          cluster     = k
          role        = i == 0 ? "init" : "server"
          server_type = r.control_plane.server_type
          ip          = cidrhost(local.subnets[k], 10 + i)
          volume_gb   = 0
        }
      }
    ]...),
    merge([
      for k, r in var.regions : {
        for i in range(r.workers.count) : "\${k}-worker-\${i + 1}" => {
          cluster     = k
          role        = "agent"
          server_type = r.workers.server_type
          ip          = cidrhost(local.subnets[k], 100 + i)
          volume_gb   = r.workers.volume_gb
        }
      }
    ]...),
  )
}

resource "random_password" "k3s_token" {
  for_each = var.regions
  length   = 48
  special  = false
}

resource "hcloud_network" "cluster" {
  for_each = var.regions
  name     = each.key
  ip_range = each.value.network_cidr
  labels   = merge(local.labels, { "catalyst.openova.io/cluster" = each.key })
}

resource "hcloud_network_subnet" "cluster" {
  for_each     = var.regions
  network_id   = hcloud_network.cluster[each.key].id
  type         = "cloud"
  network_zone = local.network_zones[each.value.location]
  ip_range     = local.subnets[each.key]
}

# Public side of every server: 80, 443 and 6443 from anywhere; 22 only from ssh_allowed_cidrs
# (no rule at all by default). Traffic on the private network is not filtered by Hetzner firewalls.
resource "hcloud_firewall" "cluster" {
  for_each = var.regions
  name     = each.key
  labels   = merge(local.labels, { "catalyst.openova.io/cluster" = each.key })

  dynamic "rule" {
    for_each = { http = "80", https = "443", kube_api = "6443" }
    content {
      description = rule.key
      direction   = "in"
      protocol    = "tcp"
      port        = rule.value
      source_ips  = ["0.0.0.0/0", "::/0"]
    }
  }

  dynamic "rule" {
    for_each = length(var.ssh_allowed_cidrs) > 0 ? ["ssh"] : []
    content {
      description = rule.value
      direction   = "in"
      protocol    = "tcp"
      port        = "22"
      source_ips  = var.ssh_allowed_cidrs
    }
  }
}

resource "hcloud_ssh_key" "sovereign" {
  name       = var.sovereign_name
  public_key = var.ssh_public_key
  labels     = local.labels
}

resource "hcloud_load_balancer" "cluster" {
  for_each           = var.regions
  name               = each.key
  load_balancer_type = var.load_balancer_type
  location           = each.value.location
  labels             = merge(local.labels, { "catalyst.openova.io/cluster" = each.key })

  algorithm {
    type = "round_robin"
  }
}

resource "hcloud_load_balancer_network" "cluster" {
  for_each         = var.regions
  load_balancer_id = hcloud_load_balancer.cluster[each.key].id
  network_id       = hcloud_network.cluster[each.key].id
  ip               = local.lb_private_ip[each.key]

  depends_on = [hcloud_network_subnet.cluster]
}

# A Hetzner load balancer sends every service to all its targets and health-checks each service on
# each target: the targets are the cluster's servers, 6443 is healthy on the control planes only,
# 80 and 443 wherever the ingress NodePorts answer.
resource "hcloud_load_balancer_target" "cluster" {
  for_each         = var.regions
  type             = "label_selector"
  load_balancer_id = hcloud_load_balancer.cluster[each.key].id
  label_selector   = "catalyst.openova.io/cluster=\${each.key}"
  use_private_ip   = true

  depends_on = [hcloud_load_balancer_network.cluster]
}

resource "hcloud_load_balancer_service" "kube_api" {
  for_each         = var.regions
  load_balancer_id = hcloud_load_balancer.cluster[each.key].id
  protocol         = "tcp"
  listen_port      = 6443
  destination_port = 6443

  health_check {
    protocol = "tcp"
    port     = 6443
    interval = 10
    timeout  = 5
    retries  = 3
  }
}

resource "hcloud_load_balancer_service" "http" {
  for_each         = var.regions
  load_balancer_id = hcloud_load_balancer.cluster[each.key].id
  protocol         = "tcp"
  listen_port      = 80
  destination_port = var.ingress_node_ports.http

  health_check {
    protocol = "tcp"
    port     = var.ingress_node_ports.http
    interval = 10
    timeout  = 5
    retries  = 3
  }
}

resource "hcloud_load_balancer_service" "https" {
  for_each         = var.regions
  load_balancer_id = hcloud_load_balancer.cluster[each.key].id
  protocol         = "tcp"
  listen_port      = 443
  destination_port = var.ingress_node_ports.https

  health_check {
    protocol = "tcp"
    port     = var.ingress_node_ports.https
    interval = 10
    timeout  = 5
    retries  = 3
  }
}

resource "hcloud_server" "node" {
  for_each     = local.nodes
  name         = each.key
  server_type  = each.value.server_type
  image        = var.image
  location     = var.regions[each.value.cluster].location
  ssh_keys     = [hcloud_ssh_key.sovereign.id]
  firewall_ids = [hcloud_firewall.cluster[each.value.cluster].id]
  labels = merge(local.labels, {
    "catalyst.openova.io/cluster" = each.value.cluster
    "catalyst.openova.io/role"    = each.value.role == "agent" ? "worker" : "control-plane"
  })

  public_net {
    ipv4_enabled = true
    ipv6_enabled = true
  }

  network {
    network_id = hcloud_network.cluster[each.value.cluster].id
    ip         = each.value.ip
  }

  user_data = templatefile("\${path.module}/${CLOUD_INIT_TEMPLATE}", {
    role                  = each.value.role
    cluster               = each.value.cluster
    node_name             = each.key
    node_ip               = each.value.ip
    server_url            = "https://\${local.first_server[each.value.cluster]}:6443"
    k3s_token             = random_password.k3s_token[each.value.cluster].result
    k3s_version           = var.k3s_version
    lb_ipv4               = hcloud_load_balancer.cluster[each.value.cluster].ipv4
    lb_private_ip         = local.lb_private_ip[each.value.cluster]
    helm_version          = var.helm_version
    cilium_version        = var.cilium_version
    flux_version          = var.flux_version
    gitops_repository_url = var.gitops_repository_url
    gitops_token          = var.gitops_token
    registry_server       = var.registry_server
    registry_username     = var.registry_username
    registry_token        = var.registry_token
    pull_secret_name      = var.pull_secret_name
    # The kubeconfig callback: only the first control plane gets its cluster's token.
    kubeconfig_callback_url   = var.kubeconfig_callback_url
    deployment_id             = var.deployment_id
    kubeconfig_callback_token = each.value.role == "init" ? lookup(var.kubeconfig_callback_tokens, each.value.cluster, "") : ""
  })

  # cloud-init runs once, at first boot: a later change of its inputs must not replace a node.
  lifecycle {
    ignore_changes = [user_data, image]
  }

  depends_on = [hcloud_network_subnet.cluster]
}

# The extra volume of each worker whose region sets workers.volume_gb, formatted and mounted by
# Hetzner under /mnt/HC_Volume_<id>.
resource "hcloud_volume" "worker" {
  for_each  = { for k, n in local.nodes : k => n if n.volume_gb > 0 }
  name      = "\${each.key}-data"
  size      = each.value.volume_gb
  server_id = hcloud_server.node[each.key].id
  automount = true
  format    = "ext4"
  labels = merge(local.labels, {
    "catalyst.openova.io/cluster" = each.value.cluster
  })
}
`;
