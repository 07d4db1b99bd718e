// Entry point of `npm start`: serves the built app and the bootstrap API on one port.
import { buildApp } from './app';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

const app = await buildApp({
  distDir: process.env.DIST_DIR ?? 'dist',
  logLevel: process.env.LOG_LEVEL ?? 'info',
});
await app.listen({ port, host });
console.log(`Catalyst Bootstrap listening on http://${host}:${port}`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void app.close().then(() => process.exit(0));
  });
}
