// One harness for the server tests: the real server in-process on an ephemeral port (logs captured)
// or as a child process, a temp DATA_DIR, and PostgreSQL schemas when DATABASE_URL is given.
// `npm test` starts a throwaway PostgreSQL (scripts/ensure-postgres.mjs) and runs the server tests
// twice: servers on SQLite, then (CATALYST_TEST_DB=postgres) servers on PostgreSQL. Under CI=true a
// missing DATABASE_URL is an error, never a silent skip.
import { spawnServer as spawnChild, type ServerProcess } from '../../scripts/spawn-server';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { revisionsUrl } from '../../src/shared/schemas/sovereigns';
import { createServer, type Server, type ServerExtras } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { NewDeployment } from '../../server/db/repository';

export const PG_URL = process.env.DATABASE_URL || undefined;

if (!PG_URL && process.env.CI === 'true') {
  throw new Error(
    'CI=true but DATABASE_URL is not set: the PostgreSQL tests would be skipped. ' +
      'Run the tests with `npm test` (it starts a PostgreSQL) or set DATABASE_URL.',
  );
}

export type TestDb = 'sqlite' | 'postgres';

/** The databases every repository-level test runs on: SQLite always, PostgreSQL when configured. */
export const DATABASES: readonly TestDb[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** The database of servers started without an explicit `db` (CATALYST_TEST_DB=postgres: PostgreSQL). */
export const DEFAULT_DB: TestDb =
  process.env.CATALYST_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
if (DEFAULT_DB === 'postgres' && !PG_URL) {
  throw new Error('CATALYST_TEST_DB=postgres needs DATABASE_URL');
}

export function tempDir(prefix = 'catalyst-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh PostgreSQL schema and a connection string that uses it (so runs do not interfere). */
export async function freshPgUrl(): Promise<string> {
  if (!PG_URL) throw new Error('DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export interface TestServer {
  url: string;
  server: Server;
  dataDir: string;
  /** Every log line written so far. */
  logs: string[];
  close(): Promise<void>;
}

/** Starts the real app in-process on 127.0.0.1 and an ephemeral port. */
export async function startServer(
  opts: { env?: Record<string, string>; db?: TestDb; extras?: ServerExtras } = {},
): Promise<TestServer> {
  const db = opts.db ?? DEFAULT_DB;
  const dataDir = opts.env?.DATA_DIR ?? tempDir();
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    DIST_DIR: path.join(dataDir, 'no-dist'),
    RATE_LIMIT_MAX: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db === 'postgres' ? await freshPgUrl() : '',
    ...opts.env,
  });
  const server = await createServer(config, { logStream, ...opts.extras });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    dataDir,
    logs,
    close: async () => {
      await server.close();
      if (!opts.env?.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs a body to /api/v1/deployments. */
export function submit(
  base: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}/api/v1/deployments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

/** POSTs a revision of `name` (`query`: `baseRevision=N[&keepSecrets=true]`); a string is sent as is. */
export function revise(
  base: string,
  name: string,
  body: unknown,
  query: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}${revisionsUrl(name)}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A git command's trimmed output in a bare repository. */
export const gitOut = (bare: string, ...args: string[]): string =>
  execFileSync('git', args, { env: { ...process.env, GIT_DIR: bare }, encoding: 'utf8' }).trim();

/** One PostgreSQL schema per DATA_DIR, so a restarted child finds its database again. */
const schemaOfDataDir = new Map<string, Promise<string>>();

/**
 * The real server as a child process, with the rate limit off (tests submit in bursts) and a 3 s
 * lease (PIPELINE_LEASE_MS), on DEFAULT_DB unless `env` sets DATABASE_URL: on PostgreSQL a fresh
 * schema per DATA_DIR (the same one again when a test restarts a server on its DATA_DIR).
 */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  let databaseUrl = env.DATABASE_URL;
  if (databaseUrl === undefined) {
    if (DEFAULT_DB === 'postgres') {
      const key = env.DATA_DIR ?? '';
      let url = schemaOfDataDir.get(key);
      if (!url || !env.DATA_DIR) {
        url = freshPgUrl();
        schemaOfDataDir.set(key, url);
      }
      databaseUrl = await url;
    } else databaseUrl = '';
  }
  // A short lease: a test that SIGKILLs a server on PostgreSQL sees its work taken over in seconds.
  return spawnChild({
    RATE_LIMIT_MAX: '0',
    PIPELINE_LEASE_MS: '3000',
    ...env,
    DATABASE_URL: databaseUrl,
  });
}

export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/**
 * Reads an SSE stream until `stopAfter` messages (or the stream ends), then aborts the request.
 * Comments (heartbeats) and `retry:` lines are skipped.
 */
export async function readSse(
  url: string,
  headers: Record<string, string> = {},
  stopAfter = Infinity,
): Promise<SseMessage[]> {
  const ac = new AbortController();
  const res = await fetch(url, { headers, signal: ac.signal });
  if (!res.ok || !res.body) throw new Error(`SSE ${res.status}`);
  const messages: SseMessage[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const msg: SseMessage = { event: 'message', data: '' };
        let hasData = false;
        for (const line of block.split('\n')) {
          if (line.startsWith('id: ')) msg.id = line.slice(4);
          else if (line.startsWith('event: ')) msg.event = line.slice(7);
          else if (line.startsWith('data: ')) {
            msg.data += line.slice(6);
            hasData = true;
          }
        }
        if (hasData) messages.push(msg);
        if (messages.length >= stopAfter) return messages;
      }
    }
  } finally {
    ac.abort();
  }
  return messages;
}

/** A deployment row written straight to the repository, never run (for states a submit cannot reach). */
export function bareDeployment(
  id: string,
  name: string,
  statusMessage: string,
  overrides: Partial<NewDeployment> = {},
): NewDeployment {
  return {
    id,
    name,
    status: 'failed',
    statusMessage,
    manifestJson: '{}',
    requestHash: 'x',
    idempotencyKey: null,
    componentCount: 0,
    secrets: new Map(),
    events: [],
    now: new Date().toISOString(),
    ...overrides,
  };
}
