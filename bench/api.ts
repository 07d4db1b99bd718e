// API benchmark: autocannon against POST /api/v1/deployments on loopback, embedded SQLite,
// 50 connections for 10 s, against a real server started as a child process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildManifest, withSecrets } from '../src/shared/lib/manifest';
import { fullCatalogDraft } from './manifest';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function waitHealthy(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy at ${url}`);
}

/** Requests per second and p99 latency (ms) of POST /api/v1/deployments. */
export async function benchApi(durationS = 10, connections = 50): Promise<Record<string, number>> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'catalyst-bench-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, 30_000);
    const draft = fullCatalogDraft();
    draft.components.chosen = [];
    const body = JSON.stringify(
      withSecrets(buildManifest(draft), {
        providerToken: 'a'.repeat(64),
        registrarToken: '',
        coldAccessKeyId: 'AKIABENCHACCESSKEY01',
        coldSecretAccessKey: 'bench-secret-access-key-0001',
      }),
    );
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/v1/deployments`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections,
      duration: durationS,
    });
    const statuses = result.statusCodeStats as Record<string, { count: number }> | undefined;
    const created = statuses?.['201']?.count ?? 0;
    if (created === 0) throw new Error(`no 201 answers: ${JSON.stringify(statuses)}`);
    return {
      'api.post.rps': Math.round(result.requests.average),
      'api.post.p99ms': result.latency.p99,
      'api.post.non2xx': result.non2xx,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
