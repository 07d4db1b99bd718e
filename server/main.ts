// Entry point of `npm start`: serves the built app and the bootstrap API on one port.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createServer } from './app';
import { ConfigError, loadConfig, type Config } from './config';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Catalyst Bootstrap: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
}

const config = configOrExit();
if (config.freshData) {
  const dir = path.resolve(config.dataDir);
  if (dir === path.parse(dir).root || dir === process.cwd()) {
    console.error(`Catalyst Bootstrap: refusing to empty DATA_DIR=${config.dataDir}`);
    process.exit(2);
  }
  rmSync(dir, { recursive: true, force: true });
}

const server = await createServer(config);
await server.app.listen({ port: config.port, host: config.host });
// Only work no live replica holds a lease on; then a sweep every half lease period takes over
// what a dead peer leaves behind (several replicas may share one PostgreSQL).
// Embedded SQLite has one process: a lease in it is a dead previous process's, resumed at once.
if (server.repo.kind === 'sqlite') await server.repo.releaseAll();
const resumed = await server.pipeline.resumeUnfinished();
server.pipeline.startSweeping();
const address = server.app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
server.app.log.info({ resumed }, 'deployments resumed');
console.log(`Catalyst Bootstrap listening on http://${config.host}:${port}`);

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
