// Pinned versions, Hetzner locations and ports of the Hetzner module (no imports: shared by its files).

/** Pinned versions of what the module and its cloud-init install. */
export const HETZNER_PINS = {
  tofu: '>= 1.8.0',
  hcloudProvider: '1.49.1',
  randomProvider: '3.6.3',
  /** k3s on Kubernetes 1.31, inside the range Cilium 1.16 supports. */
  k3s: 'v1.31.4+k3s1',
  helm: 'v3.16.4',
  image: 'ubuntu-24.04',
} as const;

/** Hetzner locations and their network zones (a subnet's zone must hold the servers' location). */
export const HETZNER_NETWORK_ZONES: Readonly<Record<string, string>> = {
  fsn1: 'eu-central',
  nbg1: 'eu-central',
  hel1: 'eu-central',
  ash: 'us-east',
  hil: 'us-west',
  sin: 'ap-southeast',
};

/** NodePorts the load balancer's 80 and 443 services forward to (module defaults). */
export const INGRESS_NODE_PORTS = { http: 30080, https: 30443 } as const;

/** The cloud-init template beside main.tf (rendered by templatefile per server). */
export const CLOUD_INIT_TEMPLATE = 'cloud-init.yaml.tftpl';
