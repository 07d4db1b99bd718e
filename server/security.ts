// Security headers on every response, a Host allowlist on every request (DNS rebinding), bearer-token
// auth on /api, same-origin unless CORS_ORIGIN, and no caching of API answers.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PATHS } from '../src/shared/constants/api-paths';
import { isLoopbackHost, normalizeHostName, type Config } from './config';
import { ApiError } from './errors';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Powerful browser features the app never uses, denied to it and to anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'permissions-policy': PERMISSIONS_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of a presented bearer token with the configured one. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/i.exec(header ?? '');
  const presented = m?.[1] ?? '';
  // Equal-length digests keep the comparison time independent of where the strings differ.
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

/** True when CORS_ORIGIN lists this browser origin (or `*`). */
function originAllowed(origin: string | undefined, origins: readonly string[]): boolean {
  return !!origin && (origins.includes(origin) || origins.includes('*'));
}

function corsHeaders(req: FastifyRequest, reply: FastifyReply, origins: readonly string[]): void {
  const origin = req.headers.origin;
  if (!originAllowed(origin, origins)) return;
  reply.header('access-control-allow-origin', origin);
  reply.header('vary', 'Origin');
  reply.header('access-control-expose-headers', 'location, idempotent-replayed');
}

function isSameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * The host name of a Host header (`name`, `name:port`, `[v6]:port`), or null when it is not one.
 * Strict on purpose: `a@localhost` or `localhost/x` must not pass as `localhost`.
 */
export function hostHeaderName(header: string | undefined): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(header ?? '');
  return m?.[1] ? normalizeHostName(m[1]) : null;
}

/**
 * Whether a request's Host is one this server answers for: loopback names (any port), or a name
 * in the allowlist. Without it a DNS-rebinding page (attacker.example resolving to 127.0.0.1)
 * would be "same-origin" with the API and could drive it in the default no-token mode.
 */
export function hostAllowed(header: string | undefined, allowed: readonly string[]): boolean {
  const name = hostHeaderName(header);
  if (name === null) return false;
  return isLoopbackHost(name) || allowed.includes(name) || allowed.includes('*');
}

/** Health probes (a kubelet sends the pod IP as Host) are answered for any Host: they reveal nothing. */
const PROBE_PATHS = new Set<string>([API_PATHS.healthz, API_PATHS.readyz]);

/** True for the API's paths: `/api` and everything below it. */
export const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/**
 * Whether a request reaches the API. Decided on the route Fastify matched (its router decodes
 * `%61pi` to `api`), and on the decoded path for requests no route matches, so an encoded path
 * never slips past the checks. A path that cannot be decoded counts as the API: checked, not let through.
 */
export function isApiRequest(req: FastifyRequest): boolean {
  if (isApiPath(req.routeOptions.url ?? '')) return true;
  const raw = req.url.split('?')[0] ?? '';
  try {
    return isApiPath(decodeURIComponent(raw));
  } catch {
    return true;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route authenticates with a bearer token of its own, not CATALYST_API_TOKEN. */
    ownBearerToken?: boolean;
  }
}

/** True when Fastify matched a route registered with `config: { ownBearerToken: true }`. */
const ownsBearerToken = (req: FastifyRequest): boolean =>
  req.routeOptions.config?.ownBearerToken === true;

/** Registers headers, CORS, origin checks and token auth as hooks on the app. */
export function installSecurity(
  app: FastifyInstance,
  opts: Pick<Config, 'apiToken' | 'corsOrigins' | 'allowedHosts'>,
): void {
  // One hook for every request, so routes added later (the git routes, anything else) are covered.
  app.addHook('onRequest', async (req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    const probe = PROBE_PATHS.has(req.url.split('?')[0] ?? '');
    if (!probe && !hostAllowed(req.headers.host, opts.allowedHosts)) {
      throw new ApiError(
        421,
        'misdirected_request',
        'This server does not answer for that Host name; add it to ALLOWED_HOSTS',
      );
    }
    if (!isApiRequest(req)) return;
    // Answers carry deployments, statuses and tokens: never kept by a browser or a proxy.
    reply.header('cache-control', 'no-store');
    corsHeaders(req, reply, opts.corsOrigins);
    const crossAllowed = originAllowed(req.headers.origin, opts.corsOrigins);
    if (req.method === 'OPTIONS' && crossAllowed) {
      reply
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header(
          'access-control-allow-headers',
          'authorization, content-type, idempotency-key, last-event-id',
        )
        .header('access-control-max-age', '600');
      return reply.code(204).send();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && !isSameOrigin(req) && !crossAllowed) {
      throw new ApiError(403, 'forbidden_origin', 'Requests from this origin are not allowed');
    }
    // A route that checks a bearer token of its own (the kubeconfig callback) skips the API token.
    if (ownsBearerToken(req)) return;
    if (opts.apiToken && !tokenMatches(req.headers.authorization, opts.apiToken)) {
      reply.header('www-authenticate', 'Bearer realm="catalyst"');
      throw new ApiError(401, 'unauthorized', 'Send Authorization: Bearer <CATALYST_API_TOKEN>');
    }
  });
}
