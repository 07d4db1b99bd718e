// The Content-Security-Policy forbids inline scripts, so the page the server sends must have none;
// and the built SPA is served with the policy (including the history fallback).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/security';
import { startServer, tempDir } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs, body]) => !/\bsrc=/.test(attrs ?? '') || (body ?? '').trim() !== '')
    .map(([tag]) => tag);
}

describe('CSP and the page', () => {
  it('index.html (source, and dist/ when built) has no inline script or handler', () => {
    for (const file of ['index.html', 'dist/index.html']) {
      const p = path.join(ROOT, file);
      if (!existsSync(p)) continue;
      const html = readFileSync(p, 'utf8');
      expect(inlineScripts(html), file).toEqual([]);
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('serves the SPA with the policy, falls back to index.html for routes, and 404s API misses as JSON', async () => {
    const dist = tempDir();
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    const t = await startServer({ env: { DIST_DIR: dist } });
    try {
      for (const route of ['/', '/wizard/infrastructure', '/deployments/abc']) {
        const res = await fetch(`${t.url}${route}`);
        expect(res.status, route).toBe(200);
        expect(await res.text()).toContain('id="root"');
        expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      }
      expect((await fetch(`${t.url}/missing.js`)).status).toBe(404);
      const api = await fetch(`${t.url}/api/v1/unknown`);
      expect(api.status).toBe(404);
      expect(await api.json()).toMatchObject({ error: 'not_found' });
    } finally {
      await t.close();
    }
  });
});
