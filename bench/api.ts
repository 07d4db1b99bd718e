// API benchmark: autocannon against POST /api/v1/deployments on loopback, embedded SQLite,
// 50 connections for 10 s, against a real server started as a child process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildManifest, withSecrets } from '../src/shared/lib/manifest';
import { fullCatalogDraft } from './manifest';
import { spawnServer, stopServer } from '../scripts/spawn-server';

/** Requests per second and p99 latency (ms) of POST /api/v1/deployments. */
export async function benchApi(durationS = 10, connections = 50): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'catalyst-bench-'));
  const server = await spawnServer({ DATA_DIR: dataDir, RATE_LIMIT_MAX: '0' });
  try {
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
      url: `${server.url}/api/v1/deployments`,
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
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
