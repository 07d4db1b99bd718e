// Security headers on every response, bearer-token auth on /api, same-origin unless CORS_ORIGIN.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
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

/** Registers headers, CORS, origin checks and token auth as hooks on the app. */
export function installSecurity(
  app: FastifyInstance,
  opts: { apiToken: string | undefined; corsOrigins: readonly string[] },
): void {
  app.addHook('onRequest', async (req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    if (!isApiRequest(req)) return;
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
    if (opts.apiToken && !tokenMatches(req.headers.authorization, opts.apiToken)) {
      reply.header('www-authenticate', 'Bearer realm="catalyst"');
      throw new ApiError(401, 'unauthorized', 'Send Authorization: Bearer <CATALYST_API_TOKEN>');
    }
  });
}
