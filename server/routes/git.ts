// Each Sovereign's GitOps repository, read-only over git smart HTTP, so a freshly installed Flux on
// a new cluster can pull its tree from a repository that exists before the tree runs:
//   GET  /git/<name>.git/info/refs?service=git-upload-pack
//   POST /git/<name>.git/git-upload-pack
// HTTP Basic `catalyst:<read token>` (server/git-credentials.ts) opens one Sovereign. Pushes and
// every other service answer 403. Outside /api, so the API bearer token does not apply here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { SOVEREIGN_NAME_PATTERN } from '../../src/shared/constants/domain';
import { basicAuthMatches } from '../git-credentials';
import { repoPath } from '../git';
import {
  advertiseRefs,
  GitHttpError,
  NO_CACHE_HEADERS,
  readUploadPackRequest,
  UPLOAD_PACK_ADVERTISEMENT,
  UPLOAD_PACK_REQUEST,
  UPLOAD_PACK_RESULT,
  uploadPack,
  wantsProtocolV2,
} from '../git-http';

export interface GitRoutesOptions {
  /** Where the bare repositories live (DATA_DIR/git/<name>.git). */
  dataDir: string;
  /** The server's secret key; read tokens are derived from it, never stored. */
  secretKey: Buffer;
}

export const GIT_REALM = 'catalyst-gitops';
const UPLOAD_PACK = 'git-upload-pack';

/** A plain-text refusal: git prints nothing of a body, humans with curl read it. */
function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  reply.headers(NO_CACHE_HEADERS);
  if (status === 401) reply.header('www-authenticate', `Basic realm="${GIT_REALM}"`);
  return reply.code(status).type('text/plain; charset=utf-8').send(`${message}\n`);
}

/** The Sovereign a `<name>.git` path segment names, or null; checked before any path is built. */
export function sovereignOf(segment: string): string | null {
  const m = /^(.+)\.git$/.exec(segment);
  return m?.[1] && SOVEREIGN_NAME_PATTERN.test(m[1]) ? m[1] : null;
}

const readOnly = (reply: FastifyReply) =>
  refuse(
    reply,
    403,
    'This repository is read-only: only git-upload-pack (clone, fetch) over smart HTTP is served',
  );

/**
 * The checks every route shares, in an order that leaks nothing: the name's shape and the service
 * are public knowledge; whether a Sovereign exists is told only to a caller holding its token.
 * Returns the bare repository's path, or null once a refusal is sent.
 */
function authorize(
  opts: GitRoutesOptions,
  req: FastifyRequest,
  reply: FastifyReply,
  service: unknown,
): string | null {
  const name = sovereignOf((req.params as { repo: string }).repo);
  if (!name) {
    refuse(reply, 404, 'No such repository');
    return null;
  }
  if (service !== UPLOAD_PACK) {
    readOnly(reply);
    return null;
  }
  if (!basicAuthMatches(req.headers.authorization, opts.secretKey, name)) {
    refuse(reply, 401, 'Authenticate as catalyst with this Sovereign’s read token');
    return null;
  }
  const repo = repoPath(opts.dataDir, name);
  if (!existsSync(path.join(repo, 'HEAD'))) {
    refuse(reply, 404, 'No such repository');
    return null;
  }
  return repo;
}

async function infoRefs(opts: GitRoutesOptions, req: FastifyRequest, reply: FastifyReply) {
  const repo = authorize(opts, req, reply, (req.query as { service?: unknown }).service);
  if (!repo) return reply;
  const body = await advertiseRefs(repo, wantsProtocolV2(req.headers['git-protocol']));
  return reply.headers(NO_CACHE_HEADERS).type(UPLOAD_PACK_ADVERTISEMENT).send(body);
}

async function rpc(opts: GitRoutesOptions, req: FastifyRequest, reply: FastifyReply) {
  const repo = authorize(opts, req, reply, (req.params as { service: string }).service);
  if (!repo) return reply;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== UPLOAD_PACK_REQUEST) {
    return refuse(reply, 415, `Send the request as ${UPLOAD_PACK_REQUEST}`);
  }
  let request: Buffer;
  try {
    request = await readUploadPackRequest(req.body as Readable, req.headers['content-encoding']);
  } catch (err) {
    if (err instanceof GitHttpError) return refuse(reply, err.statusCode, err.message);
    throw err;
  }
  const run = uploadPack(repo, request, wantsProtocolV2(req.headers['git-protocol']), (detail) =>
    req.log.warn({ detail: detail.slice(0, 500) }, 'git upload-pack failed'),
  );
  // A client that hangs up mid-pack leaves no upload-pack behind (a finished response needs none).
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) run.abort();
  });
  return reply.headers(NO_CACHE_HEADERS).type(UPLOAD_PACK_RESULT).send(run.output);
}

/**
 * The git routes, as an encapsulated plugin: its body parsers hand the raw request stream to the
 * handler (never buffered as JSON, never under BODY_LIMIT) and apply to these routes only.
 */
export const gitRoutes: FastifyPluginAsync<GitRoutesOptions> = async (scope, opts) => {
  const passRawStream = (
    _req: FastifyRequest,
    payload: Readable,
    done: (e: null, b: Readable) => void,
  ) => done(null, payload);
  scope.addContentTypeParser(UPLOAD_PACK_REQUEST, passRawStream);
  // Any other type (a receive-pack request, say) reaches the handler too, for a 403 or 415 that
  // says why rather than the API's "send JSON or YAML".
  scope.addContentTypeParser('*', passRawStream);

  scope.get('/git/:repo/info/refs', (req, reply) => infoRefs(opts, req, reply));
  scope.post('/git/:repo/:service', (req, reply) => rpc(opts, req, reply));
  // The dumb protocol's paths (HEAD, objects/…) and anything else under /git: not served.
  scope.all('/git/*', (_req, reply) => refuse(reply, 404, 'Not a git smart HTTP endpoint'));
};
