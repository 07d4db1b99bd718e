// The kubeconfig callback of a tofu run: the committed Hetzner module has no `kubeconfigs` output
// (a module-made CA would put private keys into user data, readable through the metadata service),
// so the first control plane's cloud-init PUTs its k3s kubeconfig, rewritten to the load
// balancer's 6443, to PUT /api/v1/deployments/:id/clusters/:cluster/kubeconfig with a bearer token
// of its own. One token per deployment and cluster: 32 bytes (base64url), derived from the
// server's secret key (HMAC), so a resumed or retried run hands OpenTofu the very token the
// already-booted server holds in its user data; the database keeps only its SHA-256 hash, and the
// kubeconfig, once received (single use), sealed with AES-256-GCM like every secret.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { parseDocument } from 'yaml';
import { checkDocument, scanBounds, type ManifestLimits } from '../../src/shared/lib/bounded-parse';
import { isLoopbackHost, normalizeHostName } from '../config';

/** Plain artifact: the SHA-256 (hex) of a cluster's callback token; present = a callback is expected. */
export const callbackHashArtifact = (cluster: string) => `kubeconfig-callback/${cluster}`;
/** Sensitive (sealed) artifact: a cluster's kubeconfig, from the module's output or the callback. */
export const kubeconfigArtifact = (cluster: string) => `kubeconfig/${cluster}`;

/** The most a kubeconfig body may be (a k3s admin kubeconfig is about 3 kB). */
export const KUBECONFIG_BODY_LIMIT = 64 * 1024;

const KUBECONFIG_LIMITS: ManifestLimits = {
  maxChars: KUBECONFIG_BODY_LIMIT,
  maxDepth: 8,
  maxEntries: 16,
  maxNodes: 200,
};

/** Cluster names as the module keys its regions (and the path segment of the callback). */
export const CLUSTER_NAME = /^[a-z][a-z0-9-]{0,44}[a-z0-9]$/;

/** The callback token of (deployment, cluster): 43 base64url characters, never stored. */
export function callbackToken(key: Buffer, deploymentId: string, cluster: string): string {
  return createHmac('sha256', key)
    .update('kubeconfig-callback\0')
    .update(deploymentId)
    .update('\0')
    .update(cluster)
    .digest('base64url');
}

/** What is stored of a token. */
export const tokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** Constant-time check of `Authorization: Bearer <token>` against a stored hash. */
export function bearerMatchesHash(header: string | undefined, storedHex: string): boolean {
  const presented = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(header ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(presented).digest();
  const b = Buffer.from(/^[0-9a-f]{64}$/.test(storedHex) ? storedHex : '0'.repeat(64), 'hex');
  return timingSafeEqual(a, b) && presented.length > 0;
}

/**
 * Whether a callback base URL can be handed to the module: https, or http on loopback (tests and
 * a local API; the module's validation allows the same). Anything else is refused: the callback
 * carries an admin kubeconfig.
 */
export function callbackUrlUsable(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:') return true;
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(u.hostname);
  } catch {
    return false;
  }
}

/**
 * Checks a PUT kubeconfig: bounded YAML, one cluster whose server is https://<host>:6443, a user
 * with credentials. `loopbackAllowed` (the API itself is only reachable on loopback: a test or a
 * local API) also accepts a loopback server on any port. Returns a sentence for the 400, or null.
 */
export function kubeconfigProblem(text: string, loopbackAllowed: boolean): string | null {
  const violation = scanBounds(text, KUBECONFIG_LIMITS);
  if (violation) return `The body is not a kubeconfig (${violation.message})`;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0 || checkDocument(doc, KUBECONFIG_LIMITS))
    return 'The body is not a kubeconfig (not one bounded YAML document)';
  let kc: {
    kind?: unknown;
    clusters?: { cluster?: { server?: unknown } }[];
    users?: { user?: Record<string, unknown> }[];
  } | null;
  try {
    // No aliases: a kubeconfig has none, and they are how YAML bombs grow.
    kc = doc.toJS({ maxAliasCount: 0 }) as typeof kc;
  } catch {
    return 'The body is not a kubeconfig (YAML aliases are not accepted)';
  }
  if (!kc || typeof kc !== 'object' || kc.kind !== 'Config')
    return 'The body is not a kubeconfig (kind: Config)';
  if (!Array.isArray(kc.clusters) || kc.clusters.length !== 1)
    return 'The kubeconfig must name exactly one cluster';
  const server = kc.clusters[0]?.cluster?.server;
  if (typeof server !== 'string' || !serverAllowed(server, loopbackAllowed))
    return 'The kubeconfig’s cluster server must be https://<load balancer>:6443';
  const user = kc.users?.[0]?.user;
  const creds =
    user && (typeof user.token === 'string' || typeof user['client-key-data'] === 'string');
  if (!Array.isArray(kc.users) || kc.users.length !== 1 || !creds)
    return 'The kubeconfig must name exactly one user with a token or a client certificate';
  return null;
}

function serverAllowed(server: string, loopbackAllowed: boolean): boolean {
  let u: URL;
  try {
    u = new URL(server);
  } catch {
    return false;
  }
  if (u.username || u.password || u.search || u.hash) return false;
  if (u.protocol === 'https:' && u.port === '6443' && (u.pathname === '/' || u.pathname === ''))
    return true;
  const host = normalizeHostName(u.hostname.replace(/^\[|\]$/g, ''));
  return loopbackAllowed && /^https?:$/.test(u.protocol) && isLoopbackHost(host);
}
