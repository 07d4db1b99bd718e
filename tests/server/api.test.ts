// Endpoint behaviour of the real server: submit, read back, download, and every rejection.
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  deploymentCreatedSchema,
  deploymentPageSchema,
  deploymentSchema,
} from '../../src/shared/schemas/api';
import { validateManifest } from '../../src/shared/lib/manifest/validate';
import { repoPath } from '../../server/git';
import { CONTENT_SECURITY_POLICY } from '../../server/security';
import { DEFAULT_SECRETS, validBody, validManifest } from './fixtures';
import { startServer, submit, type TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = apiErrorSchema.parse(await res.json());
  expect(body.error).toBe(code);
  expect(body.message).not.toMatch(/\n\s+at /);
  return body;
}

async function untarGz(buf: Buffer): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        if (header.type === 'file') files.set(header.name, Buffer.concat(chunks).toString());
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  Readable.from([gunzipSync(buf)]).pipe(extract);
  await done;
  return files;
}

describe('POST /api/v1/deployments', () => {
  it('accepts a valid JSON manifest with 201 and links', async () => {
    const res = await submit(t.url, validBody('alpha'));
    expect(res.status).toBe(201);
    const body = deploymentCreatedSchema.parse(await res.json());
    expect(res.headers.get('location')).toBe(body.links.self);
    expect(body.links.events).toBe(`/api/v1/deployments/${body.id}/events`);
  });

  it('accepts YAML under each YAML media type', async () => {
    const types = ['application/yaml', 'application/x-yaml', 'text/yaml; charset=utf-8'];
    for (const [i, type] of types.entries()) {
      // One Sovereign per name: each submit a name of its own.
      const res = await submit(t.url, toYaml(validManifest(`yamly-${i}`)), {
        'content-type': type,
      });
      expect(res.status, type).toBe(201);
    }
  });

  it('rejects an invalid manifest with 400 and a problem per path', async () => {
    const m = validManifest('beta');
    m.spec.components.push({ id: 'no-such-thing', version: null, reason: 'chosen' });
    m.metadata.name = 'Bad Name';
    const body = await expectError(await submit(t.url, JSON.stringify(m)), 400, 'invalid_manifest');
    const paths = body.problems?.map((p) => p.path) ?? [];
    expect(paths).toContain('metadata.name');
    expect(paths.some((p) => /^spec\.components\[\d+\]\.id$/.test(p))).toBe(true);
  });

  it('rejects a platform that does not fit its nodes (capacity engine)', async () => {
    const m = validManifest('tiny');
    for (const r of m.spec.infrastructure.regions) r.workers = { size: 'cx23', count: 0 };
    const body = await expectError(await submit(t.url, JSON.stringify(m)), 400, 'invalid_manifest');
    expect(body.problems?.[0]?.path).toBe('spec.infrastructure.regions[0]');
    expect(body.problems?.[0]?.message).toMatch(/Nodes too small/);
  });

  it('answers 413 above the body limit', async () => {
    const big = JSON.stringify({ ...validManifest(), pad: 'x'.repeat(1024 * 1024) });
    await expectError(await submit(t.url, big), 413, 'payload_too_large');
  });

  it('answers 415 for other media types and for bodies that are not JSON/YAML', async () => {
    await expectError(
      await submit(t.url, validBody(), { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    const noType = await fetch(`${t.url}/api/v1/deployments`, { method: 'POST', body: 'x' });
    expect(noType.status).toBe(415);
    await expectError(await submit(t.url, '{"apiVersion": '), 415, 'unparseable_body');
    await expectError(
      await submit(t.url, 'a: [1, 2\nb: {', { 'content-type': 'application/yaml' }),
      415,
      'unparseable_body',
    );
    await expectError(await submit(t.url, '   '), 415, 'unparseable_body');
  });

  it('rejects a malformed Idempotency-Key with 400', async () => {
    await expectError(
      await submit(t.url, validBody(), { 'idempotency-key': 'x'.repeat(300) }),
      400,
      'bad_request',
    );
  });

  it('replays the same key + body as the same deployment, and 409s a different body', async () => {
    const key = 'key-replay-1';
    const first = await submit(t.url, validBody('gamma'), { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const a = deploymentCreatedSchema.parse(await first.json());
    // Same manifest, other key order and other syntax: still the same request.
    const again = await submit(t.url, toYaml(validManifest('gamma')), {
      'idempotency-key': key,
      'content-type': 'application/yaml',
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(deploymentCreatedSchema.parse(await again.json()).id).toBe(a.id);
    const other = await submit(t.url, validBody('delta'), { 'idempotency-key': key });
    await expectError(other, 409, 'idempotency_conflict');
    const otherSecret = await submit(
      t.url,
      validBody('gamma', { ...DEFAULT_SECRETS, providerToken: 'another-token' }),
      { 'idempotency-key': key },
    );
    await expectError(otherSecret, 409, 'idempotency_conflict');
  });
});

describe('GET endpoints', () => {
  it('lists newest first with a cursor that walks every page once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await submit(t.url, validBody(`page-${i}`));
      ids.push(deploymentCreatedSchema.parse(await res.json()).id);
    }
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res = await fetch(`${t.url}/api/v1/deployments?limit=2&cursor=${cursor}`);
      const page = deploymentPageSchema.parse(await res.json());
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual([...ids].reverse());
    await expectError(await fetch(`${t.url}/api/v1/deployments?limit=0`), 400, 'bad_request');
    await expectError(await fetch(`${t.url}/api/v1/deployments?cursor=%%%`), 400, 'bad_request');
  });

  it('gets one deployment, its manifest without secrets (YAML and JSON), and 404s unknown ids', async () => {
    const res = await submit(t.url, validBody('epsilon'));
    const { id } = deploymentCreatedSchema.parse(await res.json());
    const d = deploymentSchema.parse(
      await (await fetch(`${t.url}/api/v1/deployments/${id}`)).json(),
    );
    expect(d.name).toBe('epsilon');

    const yamlRes = await fetch(`${t.url}/api/v1/deployments/${id}/manifest`);
    expect(yamlRes.headers.get('content-type')).toMatch(/yaml/);
    const yamlText = await yamlRes.text();
    const fromYaml = parseYaml(yamlText) as Record<string, unknown>;
    expect(fromYaml.secrets).toBeUndefined();
    expect(validateManifest(fromYaml).ok).toBe(true);

    const jsonRes = await fetch(`${t.url}/api/v1/deployments/${id}/manifest`, {
      headers: { accept: 'application/json' },
    });
    expect(jsonRes.headers.get('content-type')).toMatch(/json/);
    const jsonText = await jsonRes.text();
    expect((JSON.parse(jsonText) as Record<string, unknown>).secrets).toBeUndefined();
    for (const v of Object.values(DEFAULT_SECRETS)) {
      expect(yamlText).not.toContain(v);
      expect(jsonText).not.toContain(v);
    }

    await expectError(
      await fetch(`${t.url}/api/v1/deployments/00000000-0000-4000-8000-000000000000`),
      404,
      'not_found',
    );
    await expectError(await fetch(`${t.url}/api/v1/deployments/not-an-id`), 404, 'not_found');
  });

  it('downloads the GitOps tree as .tar.gz with the Flux files and OpenTofu inputs', async () => {
    const res = await submit(t.url, validBody('zeta'));
    const { id } = deploymentCreatedSchema.parse(await res.json());
    await t.server.pipeline.idle();
    const tgz = await fetch(`${t.url}/api/v1/deployments/${id}/gitops`);
    expect(tgz.status).toBe(200);
    expect(tgz.headers.get('content-type')).toBe('application/gzip');
    const files = await untarGz(Buffer.from(await tgz.arrayBuffer()));
    // Exactly the committed tree.
    const { commit } = deploymentSchema.parse(
      await (await fetch(`${t.url}/api/v1/deployments/${id}`)).json(),
    );
    const committed = execFileSync(
      'git',
      ['--git-dir', repoPath(t.dataDir, 'zeta'), 'ls-tree', '-r', '--name-only', String(commit)],
      { encoding: 'utf8' },
    );
    expect([...files.keys()].sort()).toEqual(
      committed
        .trim()
        .split('\n')
        .map((p) => `zeta/${p}`)
        .sort(),
    );
    expect(
      [...files.keys()].some((p) => /^zeta\/clusters\/zeta-hz-[a-z0-9]+\/flux-system\//.test(p)),
    ).toBe(true);
    const tfvars = JSON.parse(files.get('zeta/infra/hetzner/sovereign.auto.tfvars.json') ?? '{}');
    expect(tfvars).toMatchObject({ sovereign_name: 'zeta', ssh_allowed_cidrs: [] });
    const zetaClusters = Object.keys(tfvars.regions as Record<string, unknown>);
    expect(zetaClusters.length).toBeGreaterThan(0);
    for (const c of zetaClusters)
      expect(files.has(`zeta/clusters/${c}/flux-system/sync.yaml`)).toBe(true);
    expect(tfvars.gitops_repository_url).toMatch(/\/git\/zeta\.git$/);
    for (const f of [
      'main.tf',
      'variables.tf',
      'versions.tf',
      'outputs.tf',
      'cloud-init.yaml.tftpl',
    ])
      expect(files.has(`zeta/infra/hetzner/${f}`), f).toBe(true);
    expect(files.get('zeta/infra/README.md')).toContain('tofu apply plan');
    for (const content of files.values())
      expect(content).not.toContain(DEFAULT_SECRETS.providerToken);
  });

  it('serves the catalog, the OpenAPI document, /healthz and /readyz', async () => {
    const catalog = (await (await fetch(`${t.url}/api/v1/catalog`)).json()) as {
      components: unknown[];
    };
    expect(catalog.components.length).toBeGreaterThan(60);
    interface Doc {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    }
    const doc = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/deployments/{id}/events');
    expect(doc.components.schemas.SovereignManifest?.properties.spec).toBeDefined();
    expect(doc.components.schemas.Deployment?.properties.status?.enum).toContain('ready-to-apply');
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('puts the security headers on every response, errors and 404s included', async () => {
    for (const [path, init] of [
      ['/healthz', {}],
      ['/api/v1/catalog', {}],
      ['/api/nope', {}],
      [
        '/api/v1/deployments',
        { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } },
      ],
    ] as const) {
      const res = await fetch(`${t.url}${path}`, init);
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('answers unknown API routes with a JSON 404', async () => {
    await expectError(await fetch(`${t.url}/api/v1/nothing-here`), 404, 'not_found');
  });
});
