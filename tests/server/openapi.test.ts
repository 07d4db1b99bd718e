// The OpenAPI document is generated from the route table (server/api-spec.ts): it names exactly the
// routes the server registers, is well-formed 3.1, and the routes parse requests with its schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, deploymentCreatedSchema } from '../../src/shared/schemas/api';
import { validBody } from './fixtures';
import { startServer, submit, type TestServer } from './harness';

let t: TestServer;
let doc: Doc;
beforeAll(async () => {
  t = await startServer();
  doc = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as Doc;
});
afterAll(() => t.close());

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
}
interface Doc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Method and path (Fastify syntax) of every route, from the router's own printout. */
function registeredRoutes(printout: string): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of printout.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    stack.length = depth;
    const url = `${stack[depth - 1] ?? ''}${m[2]}`;
    stack[depth] = url;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method && method !== 'HEAD') routes.push({ method, url });
    }
  }
  return routes;
}

const toOpenApi = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const toFastify = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
const isApi = (url: string) => url.startsWith('/api/') || url === '/healthz' || url === '/readyz';

describe('OpenAPI document and registered routes', () => {
  it('documents every registered /api route, and registers every documented one', () => {
    const registered = registeredRoutes(t.server.app.printRoutes({ commonPrefix: false })).filter(
      (r) => isApi(r.url),
    );
    expect(registered.length).toBeGreaterThanOrEqual(10);
    const key = (method: string, url: string) => `${method.toUpperCase()} ${url}`;
    const routeKeys = registered.map((r) => key(r.method, toOpenApi(r.url))).sort();
    const docKeys = Object.entries(doc.paths)
      .filter(([path]) => isApi(path))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => key(m, path)))
      .sort();
    expect(docKeys).toEqual(routeKeys);
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!isApi(path)) continue;
      for (const method of Object.keys(ops)) {
        const url = toFastify(path);
        expect(
          t.server.app.hasRoute({ method: method.toUpperCase(), url }),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
  });

  it('keeps the git smart HTTP routes documented, with content types and the read token', () => {
    const refs = doc.paths['/git/{name}.git/info/refs']?.get;
    const pack = doc.paths['/git/{name}.git/git-upload-pack']?.post;
    expect(refs?.responses['200']?.content).toHaveProperty([
      'application/x-git-upload-pack-advertisement',
    ]);
    expect(pack?.requestBody?.content).toHaveProperty(['application/x-git-upload-pack-request']);
    expect(pack?.responses['403']?.content).toHaveProperty(['text/plain']);
    expect(t.server.app.hasRoute({ method: 'GET', url: '/git/:repo/info/refs' })).toBe(true);
    expect(t.server.app.hasRoute({ method: 'POST', url: '/git/:repo/:service' })).toBe(true);
  });

  it('is well-formed OpenAPI 3.1: operations, parameters, responses and $refs', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    const ids = new Set<string>();
    const refs: string[] = [];
    JSON.stringify(doc, (k, v: unknown) => {
      if (k === '$ref' && typeof v === 'string') refs.push(v);
      return v;
    });
    for (const ref of refs) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      expect(name && doc.components.schemas[name], ref).toBeTruthy();
    }
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(path.startsWith('/'), path).toBe(true);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(METHODS, where).toContain(method);
        expect(op.operationId, where).toBeTruthy();
        expect(ids.has(op.operationId!), where).toBe(false);
        ids.add(op.operationId!);
        const params = op.parameters ?? [];
        const pathParams = params.filter((p) => p.in === 'path');
        expect(pathParams.map((p) => p.name).sort(), where).toEqual(templated);
        for (const p of pathParams) expect(p.required, where).toBe(true);
        const seen = new Set(params.map((p) => `${p.in}:${p.name.toLowerCase()}`));
        expect(seen.size, where).toBe(params.length);
        for (const p of params) {
          expect(['path', 'query', 'header', 'cookie'], where).toContain(p.in);
          expect(p.schema, `${where} ${p.name}`).toBeTypeOf('object');
        }
        expect(Object.keys(op.responses).length, where).toBeGreaterThan(0);
        for (const [status, r] of Object.entries(op.responses)) {
          expect(status, where).toMatch(/^[1-5]\d\d$/);
          expect(r.description, `${where} ${status}`).toBeTruthy();
        }
      }
    }
  });

  it('describes request parameters from the schemas the routes parse with', () => {
    const list = doc.paths['/api/v1/deployments']?.get?.parameters ?? [];
    expect(list.find((p) => p.name === 'limit')?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 20,
    });
    const post = doc.paths['/api/v1/deployments']?.post;
    expect(post?.parameters?.find((p) => p.in === 'header')).toMatchObject({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', maxLength: 255 },
    });
    expect(Object.keys(post?.requestBody?.content ?? {})).toEqual([
      'application/json',
      'application/yaml',
      'application/x-yaml',
      'text/yaml',
    ]);
    const events = doc.paths['/api/v1/deployments/{id}/events']?.get?.parameters ?? [];
    expect(events.map((p) => `${p.in}:${p.name}`).sort()).toEqual([
      'header:Last-Event-ID',
      'path:id',
      'query:lastEventId',
    ]);
  });
});

describe('requests parsed with the route table', () => {
  async function expectBadRequest(res: Response, message: string) {
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(await res.json())).toEqual({ error: 'bad_request', message });
  }
  const LIMIT = 'limit must be a whole number from 1 to 100';

  it('answers a bad query or header with the same 400 as always', async () => {
    const list = `${t.url}/api/v1/deployments`;
    await expectBadRequest(await fetch(`${list}?limit=abc`), LIMIT);
    await expectBadRequest(await fetch(`${list}?limit=101`), LIMIT);
    await expectBadRequest(await fetch(`${list}?limit=1&limit=2`), LIMIT);
    await expectBadRequest(
      await fetch(`${list}?cursor=a&cursor=b`),
      'cursor is not one this API returned',
    );
    expect((await fetch(`${list}?limit=&cursor=`)).status).toBe(200);
    await expectBadRequest(
      await submit(t.url, validBody('spec-key'), { 'idempotency-key': '' }),
      'Idempotency-Key must be 1 to 255 visible ASCII characters',
    );
  });

  it('reads Last-Event-ID before ?lastEventId, and 404s an unknown id before either', async () => {
    const res = await submit(t.url, validBody('spec-events'));
    const { id } = deploymentCreatedSchema.parse(await res.json());
    await t.server.pipeline.idle();
    const events = `${t.url}/api/v1/deployments/${id}/events`;
    await expectBadRequest(
      await fetch(`${events}?lastEventId=-1`),
      'Last-Event-ID must be a whole number (an event seq)',
    );
    await expectBadRequest(
      await fetch(events, { headers: { 'last-event-id': 'x' } }),
      'Last-Event-ID must be a whole number (an event seq)',
    );
    const fromHeader = await fetch(`${events}?lastEventId=nope`, {
      headers: { 'last-event-id': '1' },
    });
    expect(fromHeader.status).toBe(200);
    const text = await fromHeader.text();
    expect(text).not.toMatch(/^id: 1$/m);
    expect(text).toMatch(/^id: 2$/m);
    expect(text).toContain('event: done');
    const unknown = await fetch(
      `${t.url}/api/v1/deployments/00000000-0000-4000-8000-000000000000/events?lastEventId=x`,
    );
    expect(unknown.status).toBe(404);
  });
});
