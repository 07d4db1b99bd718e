// Slow and too many clients (issue 13, item 3): request, header and idle timeouts close slow
// sockets (REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS, CONNECTION_TIMEOUT_MS); a connection cap
// (MAX_CONNECTIONS) closes the excess at once and the server answers again once they go.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './harness';

/** Opens a raw TCP socket to the server; resolves once connected. */
function connect(url: string): Promise<net.Socket> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(port), '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Milliseconds until the server closes the socket (rejects after `limitMs`); the bytes it sent. */
function closedWithin(s: net.Socket, limitMs: number): Promise<{ ms: number; data: string }> {
  const t0 = performance.now();
  let data = '';
  s.on('data', (b: Buffer) => (data += b.toString('latin1')));
  s.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error(`socket still open after ${limitMs} ms`));
    }, limitMs);
    s.once('close', () => {
      clearTimeout(timer);
      resolve({ ms: Math.round(performance.now() - t0), data });
    });
  });
}

describe('timeouts', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer({
      env: {
        REQUEST_TIMEOUT_MS: '1000',
        HEADERS_TIMEOUT_MS: '500',
        SSE_HEARTBEAT_MS: '100',
        CONNECTION_TIMEOUT_MS: '3000',
      },
    });
  });
  afterAll(() => t.close());

  const head =
    'POST /api/v1/deployments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
    'Content-Length: 5000\r\n\r\n{"apiVersion": ';

  it('closes 50 sockets that send headers and a few body bytes, then stall, within the request timeout', async () => {
    const sockets = await Promise.all(Array.from({ length: 50 }, () => connect(t.url)));
    const closes = sockets.map((s) => {
      const c = closedWithin(s, 5000);
      s.write(head);
      return c;
    });
    const results = await Promise.all(closes);
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `slow body: 50 stalled sockets closed after ${times[0]}-${times.at(-1)} ms (REQUEST_TIMEOUT_MS=1000)`,
    );
    expect(times[0]).toBeGreaterThanOrEqual(900);
    expect(times.at(-1)).toBeLessThan(2500);
    for (const r of results) expect(r.data).toMatch(/^HTTP\/1\.1 408 /);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('closes a socket that trickles its body a byte at a time (idle timeout alone would not)', async () => {
    const s = await connect(t.url);
    const closed = closedWithin(s, 5000);
    s.write(head);
    const trickle = setInterval(() => s.writable && s.write('"'), 200);
    const r = await closed.finally(() => clearInterval(trickle));
    console.log(`trickled body: closed after ${r.ms} ms`);
    expect(r.ms).toBeLessThan(2500);
  });

  it('closes a socket whose headers never end within the headers timeout', async () => {
    const s = await connect(t.url);
    const closed = closedWithin(s, 5000);
    s.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const r = await closed;
    console.log(`slow headers: closed after ${r.ms} ms (HEADERS_TIMEOUT_MS=500)`);
    expect(r.ms).toBeLessThan(1500);
  });

  it('refuses timeouts that contradict each other', async () => {
    const { ConfigError, loadConfig } = await import('../../server/config');
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '2000' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ SSE_HEARTBEAT_MS: '20000', CONNECTION_TIMEOUT_MS: '10000' })).toThrow(
      /CONNECTION_TIMEOUT_MS/,
    );
    expect(loadConfig({}).maxConnections).toBe(1024);
    expect(loadConfig({ MAX_CONNECTIONS: '7' }).maxConnections).toBe(7);
    expect(() => loadConfig({ MAX_CONNECTIONS: '0' })).toThrow(/MAX_CONNECTIONS/);
  });
});

describe('the connection cap', () => {
  it('closes connections beyond MAX_CONNECTIONS at once and answers again when they go', async () => {
    const t = await startServer({ env: { MAX_CONNECTIONS: '5' } });
    try {
      const held = await Promise.all(Array.from({ length: 5 }, () => connect(t.url)));
      for (const s of held) s.on('error', () => undefined);
      // The server has counted them before the next one arrives.
      for (let i = 0; i < 50; i++) {
        const n = await new Promise<number>((resolve) =>
          t.server.app.server.getConnections((_e, c) => resolve(c)),
        );
        if (n === 5) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const extra = await connect(t.url);
      const closed = closedWithin(extra, 2000);
      extra.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const r = await closed;
      console.log(`connection cap: the 6th connection closed after ${r.ms} ms`);
      expect(r.data).toBe('');
      await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
      for (const s of held) s.destroy();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        await new Promise((res) => setTimeout(res, 20));
        status = await fetch(`${t.url}/healthz`).then(
          (res) => res.status,
          () => 0,
        );
      }
      expect(status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
