// variables.tf of the Hetzner module: every input, typed, each with a validation block. The three
// secrets are sensitive and have no default: only TF_VAR_hcloud_token, TF_VAR_gitops_token and
// TF_VAR_registry_token set them. The kubeconfig callback's three inputs default to "no callback";
// the bootstrap API's tofu executor sets them (its token map only as TF_VAR_, sensitive).
import { VOLUME_GB_RANGE } from '../../constants/domain';
import { HETZNER_NETWORK_ZONES, HETZNER_PINS, INGRESS_NODE_PORTS } from './pins';

const locations = Object.keys(HETZNER_NETWORK_ZONES)
  .map((l) => `"${l}"`)
  .join(', ');

export const variablesTf = `# Every input of the module. Non-secret values come from sovereign.auto.tfvars.json; the three
# sensitive ones only from the environment (TF_VAR_<name>), never from a file. deployment_id,
# kubeconfig_callback_url and kubeconfig_callback_tokens (sensitive, TF_VAR_ only) are set by the
# bootstrap API's tofu executor; their defaults mean "no kubeconfig callback" for an apply by hand.

variable "sovereign_name" {
  description = "The Sovereign's name (metadata.name of the manifest); prefixes every resource name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.sovereign_name))
    error_message = "sovereign_name: 3 to 32 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "regions" {
  description = "One Kubernetes cluster per entry, keyed by the cluster's folder under clusters/ in the GitOps repository."
  type = map(object({
    region          = string
    location        = string
    building_blocks = list(string)
    network_cidr    = string
    control_plane = object({
      server_type = string
      count       = number
    })
    workers = object({
      server_type = string
      count       = number
      volume_gb   = optional(number, 0)
    })
  }))

  validation {
    condition     = length(var.regions) > 0
    error_message = "regions: at least one region."
  }
  validation {
    condition     = alltrue([for k, r in var.regions : can(regex("^[a-z][a-z0-9-]{0,44}[a-z0-9]$", k))])
    error_message = "regions: each key is a cluster name of at most 46 lowercase letters, digits or hyphens."
  }
  validation {
    condition     = alltrue([for r in var.regions : can(regex("^region-[0-9]+$", r.region))])
    error_message = "regions: region is region-<n>, as in the manifest."
  }
  validation {
    condition     = alltrue([for r in var.regions : contains([${locations}], r.location)])
    error_message = "regions: location is a Hetzner Cloud location: ${Object.keys(HETZNER_NETWORK_ZONES).join(', ')}."
  }
  validation {
    condition     = alltrue([for r in var.regions : length(r.building_blocks) > 0 && alltrue([for b in r.building_blocks : contains(["mgt", "rtz", "dmz"], b)])])
    error_message = "regions: building_blocks is a non-empty list of mgt, rtz and dmz."
  }
  validation {
    condition     = alltrue([for r in var.regions : can(cidrhost(r.network_cidr, 0)) && endswith(r.network_cidr, "/16")])
    error_message = "regions: network_cidr is a private /16, such as 10.1.0.0/16."
  }
  validation {
    condition     = alltrue([for r in var.regions : contains([1, 3], r.control_plane.count)])
    error_message = "regions: control_plane.count is 1, or 3 for a highly available control plane."
  }
  validation {
    condition     = alltrue([for r in var.regions : r.workers.count >= 0 && r.workers.count <= 50 && floor(r.workers.count) == r.workers.count])
    error_message = "regions: workers.count is a whole number from 0 to 50."
  }
  validation {
    condition     = alltrue([for r in var.regions : r.workers.volume_gb == 0 || (r.workers.volume_gb >= ${VOLUME_GB_RANGE.min} && r.workers.volume_gb <= ${VOLUME_GB_RANGE.max} && floor(r.workers.volume_gb) == r.workers.volume_gb)])
    error_message = "regions: workers.volume_gb is 0 (no volume) or a whole number of GB from ${VOLUME_GB_RANGE.min} to ${VOLUME_GB_RANGE.max}."
  }
  validation {
    condition     = alltrue([for r in var.regions : can(regex("^[a-z]+[0-9]+$", r.control_plane.server_type)) && can(regex("^[a-z]+[0-9]+$", r.workers.server_type))])
    error_message = "regions: server_type is a Hetzner server type such as cpx32."
  }
}

variable "ssh_public_key" {
  description = "The SSH public key installed for root on every server (the manifest's sshPublicKey)."
  type        = string

  validation {
    condition     = can(regex("^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/=]+", var.ssh_public_key))
    error_message = "ssh_public_key: an OpenSSH public key line (ssh-ed25519 AAAA... or ssh-rsa AAAA...)."
  }
}

variable "ssh_allowed_cidrs" {
  description = "Source CIDRs allowed to reach port 22. Empty (the default): SSH is closed on every server."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.ssh_allowed_cidrs : can(cidrhost(c, 0))])
    error_message = "ssh_allowed_cidrs: CIDRs such as 203.0.113.4/32 or 2001:db8::/64."
  }
}

variable "gitops_repository_url" {
  description = "The HTTPS URL each cluster's Flux clones its folder from (the bootstrap API's git endpoint, or GITOPS_REMOTE_URL's repository)."
  type        = string

  validation {
    condition     = can(regex("^https?://[^\\\\s'\\"]+$", var.gitops_repository_url))
    error_message = "gitops_repository_url: an http(s) URL without spaces or quotes."
  }
}

variable "k3s_version" {
  description = "The k3s release installed on every node."
  type        = string
  default     = "${HETZNER_PINS.k3s}"

  validation {
    condition     = can(regex("^v[0-9]+\\\\.[0-9]+\\\\.[0-9]+\\\\+k3s[0-9]+$", var.k3s_version))
    error_message = "k3s_version: a k3s release such as v1.31.4+k3s1."
  }
}

variable "helm_version" {
  description = "The Helm CLI release the first control-plane node installs Cilium and Flux with."
  type        = string
  default     = "${HETZNER_PINS.helm}"

  validation {
    condition     = can(regex("^v3\\\\.[0-9]+\\\\.[0-9]+$", var.helm_version))
    error_message = "helm_version: a Helm 3 release such as v3.16.4."
  }
}

variable "cilium_version" {
  description = "The cilium chart version (the manifest's pin; the tree's cilium HelmRelease then manages the release)."
  type        = string

  validation {
    condition     = can(regex("^[0-9]+\\\\.[0-9]+\\\\.[0-9]+$", var.cilium_version))
    error_message = "cilium_version: a chart version such as 1.16.5."
  }
}

variable "flux_version" {
  description = "The flux2 chart version (the manifest's pin; the tree's flux HelmRelease then manages the release)."
  type        = string

  validation {
    condition     = can(regex("^[0-9]+\\\\.[0-9]+\\\\.[0-9]+$", var.flux_version))
    error_message = "flux_version: a chart version such as 2.18.3."
  }
}

variable "registry_server" {
  description = "The host of the Catalyst Blueprint registry (ghcr.io for oci://ghcr.io/openova-io)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+(:[0-9]+)?$", var.registry_server))
    error_message = "registry_server: a registry host name, such as ghcr.io."
  }
}

variable "registry_username" {
  description = "User name of the blueprint registry pull secret."
  type        = string
  default     = "catalyst"

  validation {
    condition     = length(var.registry_username) > 0
    error_message = "registry_username: not empty."
  }
}

variable "pull_secret_name" {
  description = "Name of the docker-registry Secret in flux-system the tree's HelmRepository catalyst-blueprints reads."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.pull_secret_name))
    error_message = "pull_secret_name: a Kubernetes object name."
  }
}

variable "image" {
  description = "The server image."
  type        = string
  default     = "${HETZNER_PINS.image}"

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]*$", var.image))
    error_message = "image: a Hetzner image name such as ubuntu-24.04."
  }
}

variable "load_balancer_type" {
  description = "The Hetzner load balancer type of each cluster."
  type        = string
  default     = "lb11"

  validation {
    condition     = contains(["lb11", "lb21", "lb31"], var.load_balancer_type)
    error_message = "load_balancer_type: lb11, lb21 or lb31."
  }
}

variable "ingress_node_ports" {
  description = "The NodePorts the load balancer's 80 and 443 services forward to (the Gateway's Envoy Service must expose these)."
  type = object({
    http  = number
    https = number
  })
  default = {
    http  = ${INGRESS_NODE_PORTS.http}
    https = ${INGRESS_NODE_PORTS.https}
  }

  validation {
    condition     = alltrue([for p in [var.ingress_node_ports.http, var.ingress_node_ports.https] : p >= 30000 && p <= 32767])
    error_message = "ingress_node_ports: NodePorts from 30000 to 32767."
  }
}

variable "deployment_id" {
  description = "The bootstrap API's deployment this apply belongs to: the path of the kubeconfig callback. Set by the API's tofu executor; empty (the default) for an apply by hand."
  type        = string
  default     = ""

  validation {
    condition     = var.deployment_id == "" || can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.deployment_id))
    error_message = "deployment_id: empty, or a deployment id (a UUID)."
  }
}

variable "kubeconfig_callback_url" {
  description = "Base URL of the bootstrap API the first control plane PUTs its kubeconfig to (<url>/api/v1/deployments/<deployment_id>/clusters/<cluster>/kubeconfig). Empty (the default): no callback; fetch /etc/rancher/k3s/k3s.yaml yourself."
  type        = string
  default     = ""

  validation {
    condition     = var.kubeconfig_callback_url == "" || can(regex("^https://[^\\\\s'\\"]+[^/\\\\s'\\"]$", var.kubeconfig_callback_url)) || can(regex("^http://(127\\\\.0\\\\.0\\\\.1|localhost)(:[0-9]+)?(/[^\\\\s'\\"]*[^/\\\\s'\\"])?$", var.kubeconfig_callback_url))
    error_message = "kubeconfig_callback_url: empty, an https:// URL without a trailing slash, or http://127.0.0.1 or http://localhost (tests)."
  }
}

variable "kubeconfig_callback_tokens" {
  description = "Per cluster, the single-use bearer token of its kubeconfig callback. Only from TF_VAR_kubeconfig_callback_tokens, set by the API's tofu executor; empty (the default) for an apply by hand."
  type        = map(string)
  sensitive   = true
  default     = {}

  validation {
    condition     = alltrue([for k, t in var.kubeconfig_callback_tokens : can(regex("^[A-Za-z0-9_-]{43}$", t))])
    error_message = "kubeconfig_callback_tokens: each token is 43 base64url characters."
  }
}

variable "hcloud_token" {
  description = "Hetzner Cloud API token (read & write). Only from TF_VAR_hcloud_token."
  type        = string
  sensitive   = true

  validation {
    condition     = can(regex("^[A-Za-z0-9]{64}$", var.hcloud_token))
    error_message = "hcloud_token: a Hetzner Cloud API token is 64 letters and digits."
  }
}

variable "gitops_token" {
  description = "Read token of the GitOps repository (user catalyst): GET /api/v1/deployments/<id>/repository. Only from TF_VAR_gitops_token."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.gitops_token) > 0 && !can(regex("[\\\\s'\\"]", var.gitops_token))
    error_message = "gitops_token: not empty, without spaces or quotes."
  }
}

variable "registry_token" {
  description = "Token that pulls the Catalyst Blueprint charts from registry_server. Only from TF_VAR_registry_token."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.registry_token) > 0 && !can(regex("[\\\\s'\\"]", var.registry_token))
    error_message = "registry_token: not empty, without spaces or quotes."
  }
}
`;
