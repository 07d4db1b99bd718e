// Builds the fastify app: the built SPA (dist/) with history fallback, and health endpoints.
import path from 'node:path';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export interface AppOptions {
  distDir: string;
  logLevel?: string;
}

/** Creates the HTTP app; the caller listens. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: opts.logLevel ?? 'info' } });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => ({ status: 'ready' }));

  if (existsSync(opts.distDir)) {
    await app.register(fastifyStatic, {
      root: path.resolve(opts.distDir),
      index: false,
      wildcard: false,
    });
    const sendIndex = (_req: unknown, reply: { sendFile: (f: string) => unknown }) =>
      reply.sendFile('index.html');
    app.get('/', sendIndex);
    app.setNotFoundHandler((req, reply) => {
      if (
        req.method === 'GET' &&
        !req.url.startsWith('/api/') &&
        !path.extname(req.url.split('?')[0] ?? '')
      ) {
        return reply.sendFile('index.html');
      }
      return reply
        .code(404)
        .send({
          error: 'not_found',
          message: `No route for ${req.method} ${req.url.split('?')[0]}`,
        });
    });
  }
  return app;
}
