// Hostile input and hostile names against the real server: bodies that used to kill the process
// (deep YAML), freeze it (one line of `]`, 40,000 keys) or answer 500 (a huge installOrder) now get
// a quick 4xx and the process keeps answering; requests for a Host the server does not serve (DNS
// rebinding) get 421 on every route; API answers are never cached; every answer carries a
// Permissions-Policy.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { ConfigError, loadConfig } from '../../server/config';
import { hostAllowed } from '../../server/security';
import { stopServer, type ServerProcess } from '../../scripts/spawn-server';
import { validManifest } from './fixtures';
import { spawnServer, startServer, submit, tempDir, type TestServer } from './harness';

const YAML = { 'content-type': 'application/yaml' };

/** Submits `body` and measures the answer: status, error code and message, milliseconds. */
async function timedSubmit(url: string, body: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const res = await submit(url, body, headers);
  const json = (await res.json().catch(() => ({}))) as {
    error?: string;
    message?: string;
    problems?: { path: string; message: string }[];
  };
  return { status: res.status, ...json, ms: Math.round(performance.now() - t0) };
}

const manyKeys = (n: number, indent = '') =>
  Array.from({ length: n }, (_, i) => `${indent}k${i}: v`).join('\n');

describe('hostile bodies, against the server as a child process', () => {
  let server: ServerProcess;
  const figures: string[] = [];
  beforeAll(async () => {
    server = await spawnServer({ DATA_DIR: tempDir('catalyst-hostile-') });
  });
  afterAll(async () => {
    console.log(`hostile bodies:\n  ${figures.join('\n  ')}`);
    await stopServer(server.child);
  });

  const expectAlive = async () => {
    expect(server.child.exitCode).toBe(null);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  };

  it('refuses 1,000 nested "- " (2 KB) twice and stays up', async () => {
    const body = `${'- '.repeat(1000)}x`;
    expect(body.length).toBe(2001);
    for (const round of [1, 2]) {
      const r = await timedSubmit(server.url, body, YAML);
      figures.push(`2 KB nesting, round ${round}: ${r.status} in ${r.ms} ms`);
      expect(r.status).toBe(413);
      expect(r.message).toMatch(/nested deeper than 64 levels \(at line 1, column \d+\)/);
      await expectAlive();
    }
  });

  it('refuses "[" x 100k as YAML and as JSON', async () => {
    for (const headers of [YAML, {}]) {
      const r = await timedSubmit(server.url, '['.repeat(100_000), headers);
      figures.push(`[ x 100k (${headers === YAML ? 'yaml' : 'json'}): ${r.status} in ${r.ms} ms`);
      expect(r.status).toBe(413);
    }
    await expectAlive();
  });

  it('answers a 1 MB line of "]" within 1 s, naming the position', async () => {
    const r = await timedSubmit(server.url, ']'.repeat(1_000_000), YAML);
    figures.push(`1 MB of ]: ${r.status} in ${r.ms} ms`);
    expect(r.status).toBe(415);
    expect(r.message).toMatch(/line 1, column 1/);
    expect(r.ms).toBeLessThan(1000);
  });

  it('answers a mapping of 40,000 keys within 1 s, YAML and JSON', async () => {
    const yaml = await timedSubmit(server.url, manyKeys(40_000), YAML);
    const keys = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, 'v']));
    const json = await timedSubmit(server.url, JSON.stringify(keys));
    figures.push(
      `40,000 keys: yaml ${yaml.status} in ${yaml.ms} ms, json ${json.status} in ${json.ms} ms`,
    );
    for (const r of [yaml, json]) {
      expect(r.status).toBe(413);
      expect(r.message).toMatch(/more than 1000 entries/);
      expect(r.ms).toBeLessThan(1000);
    }
  });

  it('refuses a valid manifest with 20,000 keys under one secret quickly', async () => {
    const m = validManifest('flood');
    const name = Object.keys(m.secrets ?? {})[0] as string;
    const flood = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 'v']));
    const data = { ...m, secrets: { ...m.secrets, [name]: { ...m.secrets?.[name], ...flood } } };
    const json = await timedSubmit(server.url, JSON.stringify(data));
    const yaml = await timedSubmit(server.url, toYaml(data), YAML);
    figures.push(
      `20,000 secret keys: json ${json.status} in ${json.ms} ms, yaml ${yaml.status} in ${yaml.ms} ms`,
    );
    for (const r of [json, yaml]) {
      expect(r.status).toBe(413);
      expect(r.ms).toBeLessThan(1000);
    }
  });

  it('answers 4xx, not 500, to an installOrder of 130,000 entries', async () => {
    const m = validManifest('order');
    const installOrder = Array.from({ length: 130_000 }, (_, i) => `c${i % 10}`);
    const body = JSON.stringify({ ...m, spec: { ...m.spec, installOrder } });
    expect(body.length).toBeGreaterThan(500_000);
    const r = await timedSubmit(server.url, body);
    figures.push(`installOrder of 130,000: ${r.status} in ${r.ms} ms`);
    expect(r.status).toBe(413);
    await expectAlive();
  });

  it('names a repeated key by its path and position (400), a syntax error by position (415)', async () => {
    const text = toYaml(validManifest('dupe')).replace(
      /^(\s+)email: (.*)$/m,
      '$1email: $2\n$1email: $2',
    );
    const dup = await timedSubmit(server.url, text, YAML);
    expect(dup.status).toBe(400);
    expect(dup.problems).toEqual([
      {
        path: 'spec.organization.email',
        message: expect.stringMatching(
          /^Map keys must be unique: "email" appears twice \(at line \d+, column \d+\)$/,
        ),
      },
    ]);
    const bad = await timedSubmit(server.url, 'a: 1\nb: @x\nc: @y\n', YAML);
    expect(bad).toMatchObject({ status: 415, error: 'unparseable_body' });
    expect(bad.message).toMatch(/line 2, column 4/);
    await expectAlive();
  });

  it('still accepts a valid manifest in both formats', async () => {
    expect((await submit(server.url, JSON.stringify(validManifest('fine-json')))).status).toBe(201);
    expect((await submit(server.url, toYaml(validManifest('fine-yaml')), YAML)).status).toBe(201);
  });
});

/** A request with a Host header of our choosing (fetch does not let one set Host). */
function request(
  url: string,
  opts: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: `${u.pathname}${u.search}`,
        method: opts.method ?? 'GET',
        headers: { ...(opts.host ? { host: opts.host } : {}), ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('the Host allowlist', () => {
  let t: TestServer;
  let port: string;
  beforeAll(async () => {
    t = await startServer({ env: { ALLOWED_HOSTS: 'boot.example.com, Other.Example.NET' } });
    port = new URL(t.url).port;
  });
  afterAll(() => t.close());

  it('refuses a foreign Host on the API, the git routes and the app, even with a matching Origin', async () => {
    const host = 'attacker.example';
    const body = JSON.stringify(validManifest('rebound'));
    const answers = await Promise.all([
      request(`${t.url}/api/v1/deployments`, { host }),
      request(`${t.url}/api/v1/deployments`, {
        method: 'POST',
        host: `${host}:${port}`,
        headers: { origin: `http://${host}:${port}`, 'content-type': 'application/json' },
        body,
      }),
      request(`${t.url}/git/acme.git/info/refs?service=git-upload-pack`, { host }),
      request(`${t.url}/`, { host }),
      request(`${t.url}/api/v1/catalog`, { host: 'boot.example.com.evil.example' }),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(421);
      expect(JSON.parse(a.body)).toMatchObject({ error: 'misdirected_request' });
      expect(a.headers['permissions-policy']).toMatch(/camera=\(\)/);
    }
    const list = (await (await fetch(`${t.url}/api/v1/deployments`)).json()) as {
      items: unknown[];
    };
    expect(list.items).toEqual([]);
  });

  it('refuses Host headers that only look like an allowed name', async () => {
    for (const host of [
      'a@localhost',
      'localhost/x',
      'localhost:80:80',
      'localhost.evil.example',
    ]) {
      expect((await request(`${t.url}/api/v1/catalog`, { host })).status, host).toBe(421);
    }
    // `localhost.` is localhost, fully qualified; no Host at all is no allowed name.
    expect((await request(`${t.url}/api/v1/catalog`, { host: 'localhost.' })).status).toBe(200);
    expect(hostAllowed(undefined, ['*'])).toBe(false);
    expect(hostAllowed('', ['*'])).toBe(false);
    expect(hostAllowed('anything.example:1', ['*'])).toBe(true);
  });

  it('answers loopback names with any port, HOST, and ALLOWED_HOSTS names in any case', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      'localhost',
      `localhost:${port}`,
      '[::1]:8080',
      'boot.example.com',
      'BOOT.example.com:443',
      'other.example.net',
    ]) {
      expect((await request(`${t.url}/api/v1/catalog`, { host })).status, host).toBe(200);
    }
  });

  it('answers health probes for any Host (a kubelet sends the pod address)', async () => {
    expect((await request(`${t.url}/healthz`, { host: '10.1.2.3:8080' })).status).toBe(200);
    expect((await request(`${t.url}/readyz`, { host: '10.1.2.3:8080' })).status).toBe(200);
  });

  it('builds the allowlist from HOST, PUBLIC_URL and ALLOWED_HOSTS', () => {
    const token = { CATALYST_API_TOKEN: 'test-token-0123456789abcdef' };
    expect(loadConfig({}).allowedHosts).toEqual(['127.0.0.1']);
    expect(loadConfig({ HOST: '0.0.0.0', ...token }).allowedHosts).toEqual([]);
    expect(loadConfig({ HOST: '::', ...token }).allowedHosts).toEqual([]);
    expect(loadConfig({ HOST: '10.0.0.5', ...token }).allowedHosts).toEqual(['10.0.0.5']);
    expect(
      loadConfig({
        HOST: '0.0.0.0',
        ...token,
        PUBLIC_URL: 'https://Boot.Example.com:8443/catalyst',
        ALLOWED_HOSTS: ' api.example.com ,,*',
      }).allowedHosts,
    ).toEqual(['boot.example.com', 'api.example.com', '*']);
    for (const bad of ['https://x.example', 'x.example:8080', 'x.example/path', 'a b']) {
      expect(() => loadConfig({ ALLOWED_HOSTS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ ALLOWED_HOSTS: bad }), bad).toThrow(/ALLOWED_HOSTS/);
    }
  });
});

describe('caching and Permissions-Policy', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer();
  });
  afterAll(() => t.close());

  it('marks every API answer no-store, errors included', async () => {
    const answers = await Promise.all([
      fetch(`${t.url}/api/v1/deployments`),
      fetch(`${t.url}/api/v1/catalog`),
      fetch(`${t.url}/api/v1/deployments/00000000-0000-4000-8000-000000000000`),
      submit(t.url, 'a: [', YAML),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 404, 415]);
    for (const r of answers) expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('sends a Permissions-Policy that denies camera, microphone and geolocation on every answer', async () => {
    for (const path of ['/api/v1/catalog', '/healthz', '/no-such-page']) {
      const policy = (await fetch(`${t.url}${path}`)).headers.get('permissions-policy') ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
        expect(policy, path).toContain(`${feature}=()`);
    }
  });
});
