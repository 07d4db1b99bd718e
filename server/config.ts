// Server configuration from environment variables (documented in docs/api.md). Invalid or unsafe
// settings refuse to start with a message that names the variable.
import path from 'node:path';
import {
  parseExecutorConfig,
  TofuConfigError,
  type ExecutorKind,
  type TofuSettings,
} from './tofu/config';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type { ExecutorKind, TofuSettings };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  distDir: string;
  /** PostgreSQL connection string; embedded SQLite in dataDir when unset. */
  databaseUrl: string | undefined;
  /** 32-byte AES key from CATALYST_SECRET_KEY; undefined means the key file in dataDir. */
  secretKey: Buffer | undefined;
  apiToken: string | undefined;
  corsOrigins: readonly string[];
  gitopsRemoteUrl: string | undefined;
  gitopsRemoteToken: string | undefined;
  /**
   * PUBLIC_URL: where clusters reach this API (origin and optional path, no trailing slash).
   * Undefined means the default, `defaultPublicUrl(host, listening port)`.
   */
  publicUrl: string | undefined;
  /**
   * Host names the server answers for besides loopback (lowercase, no port; `*` for any): HOST
   * unless a wildcard, PUBLIC_URL's host, and ALLOWED_HOSTS. Checked on every request against
   * DNS rebinding (security.ts).
   */
  allowedHosts: readonly string[];
  /** POSTs per client per minute; 0 disables the limit. */
  rateLimitMax: number;
  logLevel: string;
  bodyLimit: number;
  executor: ExecutorKind;
  /** EXECUTOR=tofu: the OpenTofu binary and the run's timeouts (server/tofu/config.ts). */
  tofu: TofuSettings | undefined;
  /** Start from an empty data directory (E2E_FRESH_DATA=1, for end-to-end runs). */
  freshData: boolean;
  sseHeartbeatMs: number;
  /** Deployment pipelines run at the same time (PIPELINE_CONCURRENCY). */
  pipelineConcurrency: number;
  /** Longest time to receive a whole request, headers and body (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Longest time to receive the request headers (HEADERS_TIMEOUT_MS, at most the request's). */
  headersTimeoutMs: number;
  /** A socket silent this long is closed (CONNECTION_TIMEOUT_MS; above SSE_HEARTBEAT_MS). */
  connectionTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
  /** Open connections at most; beyond it new ones are closed at once (MAX_CONNECTIONS). */
  maxConnections: number;
  /** Tries for transient failures of the pipeline's writes (RETRY_ATTEMPTS, 1: no retry). */
  retryAttempts: number;
  /** First retry delay, doubled each time, jittered (RETRY_BASE_MS). */
  retryBaseMs: number;
  /**
   * Refuse plans without the credentials they need (REQUIRE_SECRETS=1; default: when an executor
   * other than `none` will apply them). Otherwise such plans are accepted as "plan only".
   */
  requireSecrets: boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_RATE_LIMIT_MAX = 600;
export const MIN_TOKEN_LENGTH = 16;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 60_000;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 72_000;
/** Below the usual open-file limit (1,024 soft is common; the issue's host had 2,048). */
export const DEFAULT_MAX_CONNECTIONS = 1024;

type Env = Readonly<Record<string, string | undefined>>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

function parseSecretKey(raw: string | undefined): Buffer | undefined {
  if (raw === undefined || raw === '') return undefined;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32 || key.toString('base64') !== raw.replace(/\s/g, '')) {
    throw new ConfigError(
      'CATALYST_SECRET_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)',
    );
  }
  return key;
}

function parseToken(raw: string | undefined, host: string): string | undefined {
  const token = raw === '' ? undefined : raw;
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError(`CATALYST_API_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters`);
  }
  if (token === undefined && !isLoopbackHost(host)) {
    throw new ConfigError(
      `Refusing to listen on ${host} without CATALYST_API_TOKEN: anyone who can reach this ` +
        'address could submit deployments. Set CATALYST_API_TOKEN (e.g. `openssl rand -hex 32`) ' +
        'or listen on 127.0.0.1.',
    );
  }
  return token;
}

/**
 * The default PUBLIC_URL: `http://HOST:PORT`, with a wildcard HOST (`0.0.0.0`, `::`) named by its
 * loopback address, since a wildcard is something to listen on, not an address to connect to.
 */
export function defaultPublicUrl(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  const named = bare === '0.0.0.0' ? '127.0.0.1' : bare === '::' ? '::1' : bare;
  return `http://${named.includes(':') ? `[${named}]` : named}:${port}`;
}

function parsePublicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL must be an http or https URL (got "${raw}")`);
  }
  // Clone URLs end up in cluster manifests and logs: no credentials, and nothing after the path.
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError('PUBLIC_URL must not carry credentials, a query or a fragment');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Wildcard listen addresses: something to listen on, never a name a client sends as Host. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0', '']);

/** `Example.COM.`, `[::1]` → `example.com`, `::1`: the form Host names are compared in. */
export const normalizeHostName = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');

/**
 * The Host allowlist beyond loopback: HOST when it is a real address, PUBLIC_URL's host (clusters
 * clone from it), and ALLOWED_HOSTS (comma-separated names, no scheme, port or path; `*`: any).
 */
function parseAllowedHosts(
  raw: string | undefined,
  host: string,
  publicUrl: string | undefined,
): string[] {
  const names = new Set<string>();
  const listen = normalizeHostName(host);
  if (!WILDCARD_HOSTS.has(listen)) names.add(listen);
  if (publicUrl) names.add(normalizeHostName(new URL(publicUrl).hostname));
  for (const entry of (raw ?? '').split(',')) {
    const name = normalizeHostName(entry);
    if (name === '') continue;
    if (name !== '*' && !/^([a-z0-9-]+(\.[a-z0-9-]+)*|[0-9a-f:.]+)$/.test(name)) {
      throw new ConfigError(
        `ALLOWED_HOSTS must list host names separated by commas, without scheme, port or path (got "${entry.trim()}")`,
      );
    }
    names.add(name);
  }
  return [...names];
}

function parseExecutor(env: Env): { executor: ExecutorKind; tofu: TofuSettings | undefined } {
  try {
    return parseExecutorConfig(env);
  } catch (err) {
    throw err instanceof TofuConfigError ? new ConfigError(err.message) : err;
  }
}

/** The timeouts, checked against each other (headers within the request; idle above heartbeats). */
function parseTimeouts(env: Env, sseHeartbeatMs: number) {
  const requestTimeoutMs = intVar(
    env,
    'REQUEST_TIMEOUT_MS',
    DEFAULT_REQUEST_TIMEOUT_MS,
    100,
    3_600_000,
  );
  const headersTimeoutMs = intVar(
    env,
    'HEADERS_TIMEOUT_MS',
    Math.min(DEFAULT_HEADERS_TIMEOUT_MS, requestTimeoutMs),
    100,
    3_600_000,
  );
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      `HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  }
  const connectionTimeoutMs = intVar(
    env,
    'CONNECTION_TIMEOUT_MS',
    Math.max(DEFAULT_CONNECTION_TIMEOUT_MS, sseHeartbeatMs * 2),
    100,
    24 * 3_600_000,
  );
  if (connectionTimeoutMs <= sseHeartbeatMs) {
    throw new ConfigError(
      `CONNECTION_TIMEOUT_MS (${connectionTimeoutMs}) must be above SSE_HEARTBEAT_MS (${sseHeartbeatMs}), or event streams are cut`,
    );
  }
  const keepAliveTimeoutMs = intVar(
    env,
    'KEEP_ALIVE_TIMEOUT_MS',
    DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
    100,
    3_600_000,
  );
  return { requestTimeoutMs, headersTimeoutMs, connectionTimeoutMs, keepAliveTimeoutMs };
}

/** Reads and checks the configuration; throws ConfigError naming the variable at fault. */
export function loadConfig(env: Env = process.env): Config {
  const host = env.HOST || '127.0.0.1';
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const remoteUrl = env.GITOPS_REMOTE_URL || undefined;
  if (remoteUrl !== undefined && /^[a-z]+:\/\/[^/@]*:[^/@]*@/i.test(remoteUrl)) {
    throw new ConfigError(
      'GITOPS_REMOTE_URL must not carry credentials; put the token in GITOPS_REMOTE_TOKEN',
    );
  }
  const publicUrl = parsePublicUrl(env.PUBLIC_URL);
  const sseHeartbeatMs = intVar(env, 'SSE_HEARTBEAT_MS', 15_000, 100, 3_600_000);
  const { executor, tofu } = parseExecutor(env);
  const requireSecretsRaw = env.REQUIRE_SECRETS ?? '';
  if (!['', '0', '1'].includes(requireSecretsRaw)) {
    throw new ConfigError(`REQUIRE_SECRETS must be 1 or 0 (got "${requireSecretsRaw}")`);
  }
  return {
    port: intVar(env, 'PORT', 8080, 0, 65535),
    host,
    // Absolute, so child processes (git) that run in other folders find it.
    dataDir: path.resolve(env.DATA_DIR || './data'),
    distDir: path.resolve(env.DIST_DIR || 'dist'),
    databaseUrl: env.DATABASE_URL || undefined,
    secretKey: parseSecretKey(env.CATALYST_SECRET_KEY),
    apiToken: parseToken(env.CATALYST_API_TOKEN, host),
    corsOrigins: (env.CORS_ORIGIN ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    gitopsRemoteUrl: remoteUrl,
    gitopsRemoteToken: env.GITOPS_REMOTE_TOKEN || undefined,
    publicUrl,
    allowedHosts: parseAllowedHosts(env.ALLOWED_HOSTS, host, publicUrl),
    rateLimitMax: intVar(env, 'RATE_LIMIT_MAX', DEFAULT_RATE_LIMIT_MAX, 0, 1_000_000),
    logLevel,
    bodyLimit: intVar(env, 'BODY_LIMIT', DEFAULT_BODY_LIMIT, 1024, 64 * 1024 * 1024),
    executor,
    tofu,
    freshData: env.E2E_FRESH_DATA === '1',
    sseHeartbeatMs,
    pipelineConcurrency: intVar(env, 'PIPELINE_CONCURRENCY', 2, 1, 64),
    ...parseTimeouts(env, sseHeartbeatMs),
    maxConnections: intVar(env, 'MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS, 1, 1_000_000),
    retryAttempts: intVar(env, 'RETRY_ATTEMPTS', 8, 1, 100),
    retryBaseMs: intVar(env, 'RETRY_BASE_MS', 200, 1, 60_000),
    requireSecrets:
      requireSecretsRaw === '' ? (executor as string) !== 'none' : requireSecretsRaw === '1',
  };
}
