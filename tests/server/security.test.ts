// Security: token auth, refusing to listen openly without one, same-origin by default, and a planted
// secret that must appear in no log line, no response and no stored byte in clear: not under
// DATA_DIR (SQLite file and WAL, git objects) and in no value of any table, read back with SQL from
// SQLite or PostgreSQL (CATALYST_TEST_DB=postgres).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentCreatedSchema } from '../../src/shared/schemas/api';
import { ConfigError, loadConfig } from '../../server/config';
import { openSecret } from '../../server/crypto';
import { SQLITE_FILE } from '../../server/db/open';
import { DEFAULT_SECRETS, PLANTED_TOKEN, validBody } from './fixtures';
import {
  DEFAULT_DB,
  freshPgUrl,
  readSse,
  spawnServer,
  startServer,
  submit,
  tempDir,
  type TestServer,
} from './harness';

const TOKEN = 'test-token-0123456789abcdef';

describe('configuration', () => {
  it('refuses to listen beyond loopback without CATALYST_API_TOKEN, with a clear message', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/CATALYST_API_TOKEN/);
    expect(loadConfig({ HOST: '0.0.0.0', CATALYST_API_TOKEN: TOKEN }).apiToken).toBe(TOKEN);
    expect(loadConfig({ HOST: '127.0.0.1' }).apiToken).toBeUndefined();
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('rejects a malformed CATALYST_SECRET_KEY and short tokens', () => {
    expect(() => loadConfig({ CATALYST_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/32 random bytes/);
    expect(() => loadConfig({ CATALYST_API_TOKEN: 'short' })).toThrow(/at least 16/);
    expect(() => loadConfig({ GITOPS_REMOTE_URL: 'https://u:p@example.com/r.git' })).toThrow(
      /GITOPS_REMOTE_TOKEN/,
    );
  });

  it('the real entry point exits with the message instead of listening openly', async () => {
    await expect(spawnServer({ HOST: '0.0.0.0', DATA_DIR: tempDir() })).rejects.toThrow(
      /Refusing to listen on 0\.0\.0\.0 without CATALYST_API_TOKEN/,
    );
  });
});

describe('with CATALYST_API_TOKEN', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer({ env: { CATALYST_API_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  it('answers 401 on every /api route without the right bearer token', async () => {
    for (const auth of [undefined, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, 'Bearer ']) {
      const headers: Record<string, string> = auth ? { authorization: auth } : {};
      for (const p of ['/api/v1/deployments', '/api/v1/catalog', '/api/openapi.json']) {
        const res = await fetch(`${t.url}${p}`, { headers });
        expect(res.status, `${p} ${auth}`).toBe(401);
        expect(await res.json()).toMatchObject({ error: 'unauthorized' });
      }
      const post = await submit(t.url, validBody(), headers);
      expect(post.status).toBe(401);
    }
  });

  it('cannot be bypassed by percent-encoding the path', async () => {
    for (const p of [
      '/%61pi/v1/deployments',
      '/%61pi/v1/catalog',
      '/api/v1/%64eployments',
      '/%2561pi/x',
    ]) {
      const res = await fetch(`${t.url}${p}`);
      expect([401, 404], p).toContain(res.status);
      expect(res.status === 404 ? p : 'checked').not.toMatch(/^\/%61pi\/v1|^\/api\/v1\/%64/);
    }
    const url = `${t.url}/%61pi/v1/deployments`;
    const post = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: validBody(),
    });
    expect(post.status).toBe(401);
  });

  it('lets the right token through, and keeps /healthz open', async () => {
    const ok = await submit(t.url, validBody(), { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(201);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});

describe('origins', () => {
  it('refuses cross-origin submits unless CORS_ORIGIN allows them', async () => {
    const t = await startServer();
    try {
      const res = await submit(t.url, validBody(), { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      const encoded = await fetch(`${t.url}/%61pi/v1/deployments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: validBody(),
      });
      expect(encoded.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const same = await submit(t.url, validBody(), { origin: t.url });
      expect(same.status).toBe(201);
    } finally {
      await t.close();
    }
    const c = await startServer({ env: { CORS_ORIGIN: 'https://ui.example' } });
    try {
      const pre = await fetch(`${c.url}/api/v1/deployments`, {
        method: 'OPTIONS',
        headers: { origin: 'https://ui.example', 'access-control-request-method': 'POST' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://ui.example');
      const otherPre = await fetch(`${c.url}/api/v1/deployments`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(otherPre.headers.get('access-control-allow-origin')).toBeNull();
      expect(otherPre.headers.get('access-control-allow-methods')).toBeNull();
      const res = await submit(c.url, validBody(), { origin: 'https://ui.example' });
      expect(res.status).toBe(201);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://ui.example');
    } finally {
      await c.close();
    }
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every row of every table of the database, as the driver returns it (BLOB/bytea as Buffers). */
async function tableRows(
  db: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string },
): Promise<Map<string, Record<string, unknown>[]>> {
  const out = new Map<string, Record<string, unknown>[]>();
  if (db.kind === 'sqlite') {
    const sqlite = new Database(db.file, { readonly: true });
    try {
      const tables = sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[];
      for (const { name } of tables) {
        out.set(name, sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]);
      }
    } finally {
      sqlite.close();
    }
    return out;
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const { name } of tables) {
      out.set(name, (await client.query<Record<string, unknown>>(`SELECT * FROM "${name}"`)).rows);
    }
  } finally {
    await client.end();
  }
  return out;
}

/** Whether a stored value carries `secret` in clear (as text, bytes, hex or base64). */
function carries(value: unknown, secret: string): boolean {
  if (value === null || value === undefined) return false;
  const forms = [
    secret,
    Buffer.from(secret).toString('hex'),
    Buffer.from(secret).toString('base64'),
  ];
  if (Buffer.isBuffer(value)) return forms.some((f) => value.includes(Buffer.from(f)));
  const text = value instanceof Date ? value.toISOString() : String(value);
  return forms.some((f) => text.includes(f));
}

describe(`a planted secret on ${DEFAULT_DB}`, () => {
  it('appears in no log line, no response, and no stored byte in clear', async () => {
    const dataDir = tempDir();
    // The database URL is chosen here (a fresh schema) so that its tables can be read back below.
    const databaseUrl = DEFAULT_DB === 'postgres' ? await freshPgUrl() : '';
    const t = await startServer({
      env: { DATA_DIR: dataDir, LOG_LEVEL: 'trace', DATABASE_URL: databaseUrl },
    });
    expect(t.server.repo.kind).toBe(DEFAULT_DB);
    const responses: string[] = [];
    const keep = async (res: Response) => {
      responses.push(JSON.stringify([...res.headers]), await res.text());
    };
    try {
      const res = await submit(t.url, validBody('planted'), { 'idempotency-key': 'planted-1' });
      const text = await res.text();
      responses.push(text);
      const { id } = deploymentCreatedSchema.parse(JSON.parse(text));
      await t.server.pipeline.idle();
      // Every read path, plus rejections whose bodies carry the token.
      await keep(await submit(t.url, validBody('planted'), { 'idempotency-key': 'planted-1' }));
      await keep(await submit(t.url, validBody('other'), { 'idempotency-key': 'planted-1' }));
      for (const suffix of ['', '/manifest', '/manifest?format=json', '/gitops']) {
        await keep(await fetch(`${t.url}/api/v1/deployments/${id}${suffix}`));
      }
      await keep(await fetch(`${t.url}/api/v1/deployments`));
      responses.push(JSON.stringify(await readSse(`${t.url}/api/v1/deployments/${id}/events`)));
      const broken = validBody('planted').replace('"spec"', '"spec"  :: [');
      await keep(await submit(t.url, broken));
      await keep(await submit(t.url, `{"secrets": {"x": {"token": "${PLANTED_TOKEN}"`));
      await keep(
        await submit(t.url, `secrets:\n  x: {token: "${PLANTED_TOKEN}"\n  - [`, {
          'content-type': 'application/yaml',
        }),
      );
      await keep(
        await submit(
          t.url,
          JSON.stringify({ kind: 'Sovereign', secrets: { Bad_Name: { t: PLANTED_TOKEN } } }),
        ),
      );
      await keep(await submit(t.url, validBody(), { authorization: `Bearer ${PLANTED_TOKEN}` }));

      // The secret is stored, encrypted, and decrypts with the key.
      const sealed = await t.server.repo.getSecrets(id);
      const key = Buffer.from(
        readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim(),
        'base64',
      );
      const provider = sealed.get('provider-credentials');
      expect(provider).toBeDefined();
      if (provider) {
        expect(JSON.parse(openSecret(key, id, 'provider-credentials', provider))).toEqual({
          token: PLANTED_TOKEN,
        });
      }
      expect(statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    } finally {
      await t.close();
    }
    expect(t.logs.length).toBeGreaterThan(0);
    const secrets = [PLANTED_TOKEN, DEFAULT_SECRETS.coldSecretAccessKey];
    for (const s of secrets) {
      for (const line of t.logs) expect(line).not.toContain(s);
      for (const r of responses) expect(r).not.toContain(s);
    }
    // SQLite file, WAL, the git repository: no stored byte carries the secret in clear.
    const stored = filesUnder(dataDir);
    expect(stored.some((f) => f.endsWith(SQLITE_FILE))).toBe(DEFAULT_DB === 'sqlite');
    expect(stored.some((f) => f.includes(`${path.sep}git${path.sep}`))).toBe(true);
    for (const f of stored) {
      const bytes = readFileSync(f);
      for (const s of secrets) expect(bytes.includes(Buffer.from(s)), f).toBe(false);
    }
    // Every value of every table, read back with SQL: the secrets are there, sealed, never in clear.
    const tables = await tableRows(
      DEFAULT_DB === 'sqlite'
        ? { kind: 'sqlite', file: path.join(dataDir, SQLITE_FILE) }
        : { kind: 'postgres', url: databaseUrl },
    );
    expect([...tables.keys()].sort()).toEqual(
      expect.arrayContaining(['artifacts', 'deployments', 'events', 'migrations', 'secrets']),
    );
    expect(tables.get('secrets')?.length).toBeGreaterThanOrEqual(2);
    expect(tables.get('artifacts')?.length).toBeGreaterThanOrEqual(1);
    expect(tables.get('events')?.length).toBeGreaterThan(3);
    // The check finds the secret in each form it looks for (so a miss means it is not there).
    for (const v of [`x${PLANTED_TOKEN}`, Buffer.from(`-${PLANTED_TOKEN}-`)]) {
      expect(carries(v, PLANTED_TOKEN)).toBe(true);
    }
    expect(carries(Buffer.from(PLANTED_TOKEN).toString('base64'), PLANTED_TOKEN)).toBe(true);
    let values = 0;
    for (const [table, rows] of tables) {
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          values++;
          for (const s of secrets) expect(carries(value, s), `${table}.${column}`).toBe(false);
        }
      }
    }
    expect(values).toBeGreaterThan(50);
  });
});
