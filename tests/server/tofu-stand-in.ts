// Helpers of the tofu executor tests. Two test doubles at the two boundaries no machine here has:
// the STAND-IN `tofu` (tests/fixtures/tofu-stand-in/tofu: replays OpenTofu's documented -json
// stream, keeps a state file; it is not OpenTofu) and a local HTTP server that plays a cluster's
// Kubernetes API for the HelmRelease watch, replaying recorded watch events
// (tests/fixtures/helmrelease-watch/cilium.ndjson) for every release it is told about.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { planManifest } from '../../src/shared/lib/placement';
import { dnsResourceAddresses, hetznerTfvars } from '../../src/shared/lib/tofu';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';
import { validManifest } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const STAND_IN = path.join(ROOT, 'tests/fixtures/tofu-stand-in/tofu');
const RECORDED_WATCH = readFileSync(
  path.join(ROOT, 'tests/fixtures/helmrelease-watch/cilium.ndjson'),
  'utf8',
)
  .trim()
  .split('\n');

/** The bootstrap API's POWERDNS_API_KEY in these tests (dns.tf's TF_VAR_powerdns_api_key). */
export const POWERDNS_KEY = 'pdns-KEY-SECRET-PLANTED-0123456789';

/** The token of the blueprint pull secret the module needs as TF_VAR_registry_token. */
export const REGISTRY_TOKEN = 'ghp-REGISTRY-SECRET-PLANTED-0123456789';

/** A valid manifest with the pull secret the tofu executor needs. */
export function tofuManifest(name: string): SovereignManifest {
  const m = validManifest(name);
  return { ...m, secrets: { ...m.secrets, 'ghcr-pull': { token: REGISTRY_TOKEN } } };
}

/**
 * The resource addresses the Hetzner module declares for a manifest (one ssh key, 17+ per region,
 * and dns.tf's zone and records in pool and registrar-API modes).
 */
export function moduleAddresses(m: SovereignManifest): string[] {
  const vars = hetznerTfvars(m, 'http://127.0.0.1/git/x.git');
  const out = ['hcloud_ssh_key.sovereign'];
  for (const [k, r] of Object.entries(vars.regions)) {
    for (const t of [
      'random_password.k3s_token',
      'hcloud_network.cluster',
      'hcloud_network_subnet.cluster',
      'hcloud_firewall.cluster',
      'hcloud_load_balancer.cluster',
      'hcloud_load_balancer_network.cluster',
      'hcloud_load_balancer_target.cluster',
      'hcloud_load_balancer_service.kube_api',
      'hcloud_load_balancer_service.http',
      'hcloud_load_balancer_service.https',
    ])
      out.push(`${t}["${k}"]`);
    for (let i = 1; i <= r.control_plane.count; i++) out.push(`hcloud_server.node["${k}-cp-${i}"]`);
    for (let i = 1; i <= r.workers.count; i++) out.push(`hcloud_server.node["${k}-worker-${i}"]`);
  }
  return [...out, ...dnsResourceAddresses(m)];
}

export interface StandInConfig {
  resources: string[];
  scenario: 'success' | 'fail' | 'slow';
  failAt?: number;
  delayMs?: number;
  clusters: string[];
  kubeServer: string;
  log: string;
  /** `output -json` without `kubeconfigs`, as the committed Hetzner module's outputs are. */
  noKubeconfigs?: boolean;
  /**
   * Where `apply` writes, per cluster, the kubeconfig callback's {url, deploymentId, token}: what
   * the real module puts into the first control plane's user data (a test then plays cloud-init).
   */
  userData?: string;
}

/**
 * Writes `dir/tofu`, a wrapper that runs the stand-in with TOFU_STAND_IN_CONFIG=dir/stand-in.json
 * (the executor passes no such variable: the wrapper carries it), and the config. Returns TOFU_BIN.
 */
export function installStandIn(dir: string, config: StandInConfig): string {
  writeStandInConfig(dir, config);
  const bin = path.join(dir, 'tofu');
  writeFileSync(
    bin,
    `#!/bin/sh\nTOFU_STAND_IN_CONFIG='${path.join(dir, 'stand-in.json')}' exec '${STAND_IN}' "$@"\n`,
  );
  chmodSync(bin, 0o755);
  return bin;
}

export function writeStandInConfig(dir: string, config: StandInConfig): void {
  writeFileSync(path.join(dir, 'stand-in.json'), JSON.stringify(config));
}

/** The stand-in's log: one object per invocation and per applied resource. */
export function standInLog(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export interface WatchDouble {
  url: string;
  /** Requests seen, by path. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * TEST DOUBLE of the clusters' Kubernetes APIs (HelmRelease watch only): under /<cluster>/ it
 * answers the watch with the recorded events for each release of `releases[cluster]`, except
 * those in `stall`, which never get past the first (Progressing) event.
 */
export async function startWatchDouble(
  releases: Record<string, readonly string[]>,
  stall: ReadonlySet<string> = new Set(),
): Promise<WatchDouble> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/([^/]+)\/apis\/helm\.toolkit\.fluxcd\.io\/v2\/helmreleases\?watch=1$/.exec(
      req.url ?? '',
    );
    const names = m?.[1] ? releases[m[1]] : undefined;
    if (!names) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' });
    for (const line of RECORDED_WATCH.slice(0, 1))
      for (const n of names) res.write(rename(line, n));
    for (const line of RECORDED_WATCH.slice(1))
      for (const n of names) if (!stall.has(n)) res.write(rename(line, n));
    // A real watch stays open; this one ends after the recording (the watcher reconnects).
    setTimeout(() => res.end(), 20);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const rename = (line: string, name: string) =>
  `${line.replaceAll('"cilium"', JSON.stringify(name)).replaceAll('kube-system/cilium', `ns/${name}`)}\n`;

/** Each cluster's HelmRelease names (the components placed on it). */
export function releasesOf(m: SovereignManifest): Record<string, string[]> {
  return Object.fromEntries(planManifest(m).clusters.map((c) => [c.name, [...c.components]]));
}
