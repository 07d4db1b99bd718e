// Builds the fastify app: the bootstrap API, the built SPA (dist/) with history fallback, health
// endpoints, security headers and JSON errors; plus the database and the deployment pipeline.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import fastifyStatic from '@fastify/static';
import { createIndexHtml } from './spa-preload';
import rateLimit from '@fastify/rate-limit';
import { renderFluxTree } from '../src/shared/lib/flux/render-flux-tree';
import { installBodyParsers } from './body';
import { defaultPublicUrl, type Config } from './config';
import { loadOrCreateKey } from './crypto';
import { openRepository } from './db/open';
import type { Repository } from './db/repository';
import { ApiError, installErrorHandler } from './errors';
import { EventBus, notifying } from './event-bus';
import { createExecutor } from './executor';
import { repositoryUrlFor } from './git-credentials';
import { Pipeline, type PipelineDeps } from './pipeline';
import { clusterCallbackRoutes } from './routes/cluster-callback';
import { deploymentRoutes } from './routes/deployments';
import { eventRoutes } from './routes/events';
import { gitRoutes } from './routes/git';
import { metaRoutes } from './routes/meta';
import { repositoryRoutes } from './routes/repository';
import { sovereignRoutes } from './routes/sovereigns';
import { installSecurity, isApiRequest } from './security';

export interface ServerExtras {
  /** Where log lines go (default stdout); tests capture them. */
  logStream?: NodeJS.WritableStream;
  /** The renderer of the GitOps tree (default renderFluxTree). */
  render?: PipelineDeps['render'];
}

export interface Server {
  app: FastifyInstance;
  repo: Repository;
  pipeline: Pipeline;
  /** Stops the pipeline, the HTTP server and the database, in that order. */
  close(): Promise<void>;
}

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** Logger options: no request bodies or headers, and redaction in case anything slips in. */
export function loggerOptions(config: Config, stream?: NodeJS.WritableStream) {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'body',
        'req.body',
        'secrets',
        '*.secrets',
        'manifest.secrets',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        url: req.url.split('?')[0],
        id: req.id,
      }),
    },
  } satisfies FastifyServerOptions['logger'];
}

async function serveSpa(app: FastifyInstance, distDir: string): Promise<void> {
  const hasDist = existsSync(path.join(distDir, 'index.html'));
  const indexHtml = hasDist ? createIndexHtml(distDir) : null;
  const sendIndex = (pathname: string, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml!(pathname));
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    const isPage = req.method === 'GET' || req.method === 'HEAD';
    if (hasDist && isPage && !isApiRequest(req) && !path.extname(pathname)) {
      return sendIndex(pathname, reply);
    }
    throw new ApiError(404, 'not_found', `No route for ${req.method} ${pathname.slice(0, 200)}`);
  });
  if (!hasDist) return;
  await app.register(fastifyStatic, {
    root: path.resolve(distDir),
    index: false,
    wildcard: false,
    // The build writes .br and .gz beside each asset (vite.config.ts): served by Accept-Encoding.
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      // Hashed file names under assets/ never change; everything else is revalidated.
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/', (_req, reply) => sendIndex('/', reply));
}

/** Opens the database, builds the app and the pipeline; the caller listens and resumes. */
export async function createServer(config: Config, extras: ServerExtras = {}): Promise<Server> {
  const app = createApp(config, extras);
  const secretKey = loadOrCreateKey(config.dataDir, config.secretKey);
  const publicUrl = publicUrlOf(app, config);
  const bus = new EventBus();
  const repo = notifying(await openRepository(config), bus);
  const pipeline = createPipeline(config, extras, { app, repo, secretKey, publicUrl });
  await installPlugins(app, config);
  await installRoutes(app, config, { repo, bus, pipeline, secretKey, publicUrl });
  await serveSpa(app, config.distDir);
  await app.ready();
  return {
    app,
    repo,
    pipeline,
    close: async () => {
      await pipeline.close();
      await app.close();
      await repo.close();
    },
  };
}

/** The Fastify instance: logger, body limit and the timeouts and connection cap against slow clients. */
function createApp(config: Config, extras: ServerExtras): FastifyInstance {
  const app = Fastify({
    logger: loggerOptions(config, extras.logStream),
    bodyLimit: config.bodyLimit,
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    trustProxy: false,
    // Slow or stalled clients cannot hold sockets: the whole request within requestTimeout, its
    // headers within headersTimeout (checked every second or faster, not Node's 30 s default),
    // an idle socket closed after connectionTimeout, an idle keep-alive one after keepAliveTimeout.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(
        50,
        Math.min(1000, Math.floor(config.headersTimeoutMs / 4)),
      ),
    },
  });
  // Beyond this many open connections new ones are closed at once (they would exhaust the open-file
  // limit and starve the pipeline's git and database); the server answers again as they go.
  app.server.maxConnections = config.maxConnections;
  return app;
}

/** Where clusters reach this API (clone, kubeconfig callback); the default names the real port. */
function publicUrlOf(app: FastifyInstance, config: Config): () => string {
  return () => {
    const address = app.server.address();
    const port = config.port || (typeof address === 'object' && address ? address.port : 0);
    return config.publicUrl ?? defaultPublicUrl(config.host, port);
  };
}

/** The deployment pipeline: the renderer with the clone URL, the executor, the remote, the retries. */
function createPipeline(
  config: Config,
  extras: ServerExtras,
  o: { app: FastifyInstance; repo: Repository; secretKey: Buffer; publicUrl: () => string },
): Pipeline {
  const cloneUrl = (name: string): string => {
    const where = { publicUrl: o.publicUrl(), gitopsRemoteUrl: config.gitopsRemoteUrl };
    return repositoryUrlFor(where, name).url;
  };
  return new Pipeline({
    repo: o.repo,
    dataDir: config.dataDir,
    secretKey: o.secretKey,
    render:
      extras.render ?? ((m) => renderFluxTree(m, { repositoryUrl: cloneUrl(m.metadata.name) })),
    executor: createExecutor(config, o.app.log, o.publicUrl),
    remote: config.gitopsRemoteUrl
      ? { url: config.gitopsRemoteUrl, token: config.gitopsRemoteToken }
      : undefined,
    log: o.app.log,
    concurrency: config.pipelineConcurrency,
    retry: { attempts: config.retryAttempts, baseMs: config.retryBaseMs },
  });
}

/** JSON errors, the security headers and hooks, the body parsers and (when on) the rate limiter. */
async function installPlugins(app: FastifyInstance, config: Config): Promise<void> {
  installErrorHandler(app);
  installSecurity(app, config);
  installBodyParsers(app, config.bodyLimit);
  if (config.rateLimitMax > 0) {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: () =>
        new ApiError(
          429,
          'rate_limited',
          'Too many submissions from this client; retry in a minute',
        ),
    });
  }
}

/** Every route: meta, deployments, Sovereigns, events, repository access, callback, git. */
async function installRoutes(
  app: FastifyInstance,
  config: Config,
  o: {
    repo: Repository;
    bus: EventBus;
    pipeline: Pipeline;
    secretKey: Buffer;
    publicUrl: () => string;
  },
): Promise<void> {
  const { repo, pipeline, secretKey } = o;
  const rateLimit =
    config.rateLimitMax > 0 ? { max: config.rateLimitMax, timeWindow: '1 minute' } : false;
  metaRoutes(app, { repo, version });
  deploymentRoutes(app, {
    repo,
    pipeline,
    secretKey,
    dataDir: config.dataDir,
    requireSecrets: config.requireSecrets,
    cancelWaitMs: Math.min(config.tofu?.cancelGraceMs ?? 0, 10_000) + 2_000,
    rateLimit,
  });
  sovereignRoutes(app, {
    repo,
    pipeline,
    secretKey,
    requireSecrets: config.requireSecrets,
    rateLimit,
  });
  eventRoutes(app, { repo, bus: o.bus, heartbeatMs: config.sseHeartbeatMs });
  repositoryRoutes(app, { repo, secretKey, config });
  clusterCallbackRoutes(app, { repo, secretKey, publicUrl: o.publicUrl });
  await app.register(gitRoutes, { dataDir: config.dataDir, secretKey });
}
