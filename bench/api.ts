// API benchmark: autocannon against POST /api/v1/deployments on loopback, 50 connections, real
// servers started as child processes (rate limit off, the pipeline running in the same processes):
// SQLite with one replica (its lock is in-process: the embedded mode is a single replica), and a
// throwaway PostgreSQL (scripts/ensure-postgres.mjs; note that it runs with fsync and
// synchronous_commit off, so its commits wait for no disk flush, while SQLite's do) with one
// replica and with two replicas sharing the database, DATA_DIR, key and PUBLIC_URL, autocannon
// spreading its connections over both (round-robin per connection).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildManifest, withSecrets } from '../src/shared/lib/manifest';
import { fullCatalogDraft } from './manifest';
import { spawnServer, stopServer, type ServerProcess } from '../scripts/spawn-server';

interface TempPostgres {
  url: string;
  stop(): void;
}

/** scripts/ensure-postgres.mjs (plain JavaScript, so imported by URL and typed here). */
async function startTempPostgres(): Promise<TempPostgres> {
  const href = pathToFileURL(path.resolve(import.meta.dirname, '../scripts/ensure-postgres.mjs'));
  const mod = (await import(href.href)) as {
    startTempPostgres(opts: { quiet: boolean }): Promise<TempPostgres>;
  };
  return mod.startTempPostgres({ quiet: true });
}

/** A fresh database on the cluster for one run; returns its URL. */
async function freshDatabase(url: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The manifest the bench submits, as an object whose name each request replaces. */
function benchManifest() {
  const draft = fullCatalogDraft();
  draft.components.chosen = [];
  return withSecrets(buildManifest(draft), {
    providerToken: 'a'.repeat(64),
    registrarToken: '',
    coldAccessKeyId: 'AKIABENCHACCESSKEY01',
    coldSecretAccessKey: 'bench-secret-access-key-0001',
  });
}

/**
 * A body per request with a Sovereign name of its own (a second submit of a name is a revision,
 * answered 409): `b<run><n>` in base 36, unique within a run's fresh database.
 */
function bodies(run: string): () => string {
  const manifest = benchManifest();
  let n = 0;
  return () =>
    JSON.stringify({
      ...manifest,
      metadata: { ...manifest.metadata, name: `b${run}x${(n += 1).toString(36)}` },
    });
}

/** autocannon against every server (connections spread round-robin over them). */
async function cannon(
  servers: readonly ServerProcess[],
  body: () => string,
  connections: number,
  duration: number,
) {
  return autocannon({
    // autocannon takes several URLs and spreads the connections over them (its types say one).
    url: servers.map((s) => `${s.url}/api/v1/deployments`) as unknown as string,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
    connections,
    duration,
  });
}

/** Seconds of load before the measured run (JIT, connection pools, page cache). */
const WARMUP_S = 2;

async function run(
  label: string,
  env: Record<string, string>,
  replicas: number,
  durationS: number,
  connections: number,
): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'catalyst-bench-'));
  const shared = {
    DATA_DIR: dataDir,
    RATE_LIMIT_MAX: '0',
    CATALYST_SECRET_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: 'http://catalyst.bench',
    ...env,
  };
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < replicas; i++) servers.push(await spawnServer(shared));
    const body = bodies(String(replicas));
    await cannon(servers, body, connections, WARMUP_S);
    const result = await cannon(servers, body, connections, durationS);
    const statuses = result.statusCodeStats as Record<string, { count: number }> | undefined;
    const created = statuses?.['201']?.count ?? 0;
    if (created === 0) throw new Error(`${label}: no 201 answers: ${JSON.stringify(statuses)}`);
    const figures = {
      [`api.post.${label}.rps`]: Math.round(result.requests.average),
      [`api.post.${label}.p50ms`]: result.latency.p50,
      [`api.post.${label}.p99ms`]: result.latency.p99,
      [`api.post.${label}.non2xx`]: result.non2xx + result.errors + result.timeouts,
    };
    console.log(
      `[bench] api ${label}: ${figures[`api.post.${label}.rps`]} req/s, p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, ${created} created, non-2xx/errors ${figures[`api.post.${label}.non2xx`]}`,
    );
    return figures;
  } finally {
    for (const s of servers) await stopServer(s.child);
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/**
 * Requests per second, p50 and p99 latency (ms) and non-2xx answers of POST /api/v1/deployments:
 * `api.post.sqlite.*`, `api.post.postgres.*` (one replica), `api.post.postgres.2replicas.*`.
 */
export async function benchApi(durationS = 10, connections = 50): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  Object.assign(out, await run('sqlite', { DATABASE_URL: '' }, 1, durationS, connections));
  const cluster = await startTempPostgres();
  try {
    for (const replicas of [1, 2]) {
      const label = replicas === 1 ? 'postgres' : `postgres.${replicas}replicas`;
      const url = await freshDatabase(cluster.url, `bench_${replicas}`);
      Object.assign(out, await run(label, { DATABASE_URL: url }, replicas, durationS, connections));
    }
  } finally {
    cluster.stop();
  }
  return out;
}
