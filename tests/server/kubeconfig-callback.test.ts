// The kubeconfig callback of EXECUTOR=tofu end to end: the real server as a child process, the
// STAND-IN tofu (tests/fixtures/tofu-stand-in/tofu; not OpenTofu) configured like the committed
// Hetzner module (no `kubeconfigs` output), writing what the module would put into each first
// control plane's user data; the test plays that cloud-init and PUTs a kubeconfig pointing at the
// TEST DOUBLE of the cluster's Kubernetes API (recorded HelmRelease watch events).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { stopServer } from '../../scripts/spawn-server';
import { repoPath } from '../../server/git';
import {
  bearerMatchesHash,
  callbackToken,
  kubeconfigProblem,
  tokenHash,
} from '../../server/tofu/callback';
import { deploymentCreatedSchema, deploymentSchema } from '../../src/shared/schemas/api';
import { readSse, spawnServer, submit, tempDir } from './harness';
import {
  installStandIn,
  moduleAddresses,
  releasesOf,
  standInLog,
  startWatchDouble,
  tofuManifest,
  POWERDNS_KEY,
} from './tofu-stand-in';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const API_TOKEN = 'api-token-for-the-callback-test-0123456789';
const auth = { authorization: `Bearer ${API_TOKEN}` };

async function until<T>(fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A k3s-like kubeconfig for `server`, with a marker that must never be stored or logged in clear. */
const kubeconfig = (server: string, marker: string) =>
  [
    'apiVersion: v1',
    'kind: Config',
    `clusters: [{name: default, cluster: {server: "${server}"}}]`,
    `users: [{name: default, user: {token: ${marker}}}]`,
    'contexts: [{name: default, context: {cluster: default, user: default}}]',
    'current-context: default',
    '',
  ].join('\n');

/** Every file under `dir` (recursively). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

it('a cluster reports its kubeconfig once with its own token; the run then watches it to ready; token and kubeconfig stay secret', async () => {
  const manifest = tofuManifest('kube-cb');
  const releases = releasesOf(manifest);
  const clusters = Object.keys(releases);
  const double = await startWatchDouble(releases);
  cleanups.push(() => double.close());
  const dir = tempDir('catalyst-kcb-');
  const dataDir = tempDir('catalyst-kcb-data-');
  cleanups.push(async () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });
  const log = path.join(dir, 'stand-in.log');
  const userDataFile = path.join(dir, 'user-data.json');
  const bin = installStandIn(dir, {
    resources: moduleAddresses(manifest),
    scenario: 'success',
    clusters,
    kubeServer: double.url,
    log,
    noKubeconfigs: true,
    userData: userDataFile,
  });
  const server = await spawnServer({
    EXECUTOR: 'tofu',
    TOFU_BIN: bin,
    DATA_DIR: dataDir,
    CATALYST_API_TOKEN: API_TOKEN,
    CLUSTER_WATCH_TIMEOUT_MS: '30000',
    CLUSTER_WATCH_RETRY_MS: '20',
    LOG_LEVEL: 'info',
    POWERDNS_API_KEY: POWERDNS_KEY,
  });
  cleanups.push(() => stopServer(server.child));
  const res = await submit(server.url, JSON.stringify(manifest), auth);
  expect(res.status).toBe(201);
  const { id } = deploymentCreatedSchema.parse(await res.json());

  // What OpenTofu would render into each first control plane's user data.
  const userData = await until(async () =>
    existsSync(userDataFile)
      ? (JSON.parse(readFileSync(userDataFile, 'utf8')) as Record<
          string,
          { url: string; deploymentId: string; token: string }
        >)
      : undefined,
  );
  for (const c of clusters) {
    expect(userData[c]).toMatchObject({ url: server.url, deploymentId: id });
    expect(userData[c]?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  }
  const tokens = clusters.map((c) => userData[c]?.token ?? '');
  expect(new Set(tokens).size).toBe(clusters.length);
  const [first = '', second] = clusters;
  const firstToken = tokens[0] ?? '';

  const status = async () =>
    deploymentSchema.parse(
      await (await fetch(`${server.url}/api/v1/deployments/${id}`, { headers: auth })).json(),
    ).status;
  await until(async () => ((await status()) === 'flux-bootstrapping' ? true : undefined));

  const url = (cluster: string, dep = id) =>
    `${server.url}/api/v1/deployments/${dep}/clusters/${cluster}/kubeconfig`;
  const put = (cluster: string, token: string | undefined, body: string, dep = id) =>
    fetch(url(cluster, dep), {
      method: 'PUT',
      headers: {
        'content-type': 'application/yaml',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body,
    });
  const marker = (c: string) => `kcb-kube-secret-${c}-5f1e2d`;
  const good = (c: string) => kubeconfig(`${double.url}/${c}`, marker(c));

  // Wrong or missing token: 401, the same answer whatever was wrong (the API token is no use here).
  const refusals = [
    await put(first, undefined, good(first)),
    await put(first, 'x'.repeat(43), good(first)),
    await put(first, API_TOKEN, good(first)),
    ...(second ? [await put(first, tokens[1], good(first))] : []),
  ];
  const bodies = await Promise.all(refusals.map((r) => r.text()));
  expect(refusals.map((r) => r.status)).toEqual(refusals.map(() => 401));
  expect(new Set(bodies).size).toBe(1);
  // Unknown deployment or cluster: 404.
  expect(
    (await put(first, firstToken, good(first), '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')).status,
  ).toBe(404);
  expect((await put('no-such-cluster', firstToken, good(first))).status).toBe(404);
  expect((await put('..%2Fx', firstToken, good(first))).status).toBe(404);
  // Not a kubeconfig of one cluster at https://…:6443 (nor loopback, allowed for tests): 400,
  // and the token is not used up by it.
  const bad = await put(
    first,
    firstToken,
    kubeconfig('https://attacker.example:443', marker(first)),
  );
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain('https://<load balancer>:6443');
  expect((await put(first, firstToken, 'clusters: [')).status).toBe(400);
  expect((await put(first, firstToken, 'x'.repeat(70 * 1024))).status).toBe(413);

  // The right token: 204, once; a second PUT: 409.
  for (const [i, c] of clusters.entries())
    expect((await put(c, tokens[i], good(c))).status).toBe(204);
  const again = await put(first, firstToken, good(first));
  expect(again.status).toBe(409);

  const stream = await readSse(`${server.url}/api/v1/deployments/${id}/events`, auth);
  expect(stream.at(-1)?.event).toBe('done');
  expect(await status()).toBe('ready');
  const messages = stream.map((m) => m.data);
  for (const c of clusters) {
    expect(
      messages.some((m) => m.includes(`Waiting for ${c} to report its kubeconfig (cloud-init)…`)),
    ).toBe(true);
    expect(messages.some((m) => m.includes(`${c} reported its kubeconfig (cloud-init)`))).toBe(
      true,
    );
  }
  expect(double.requests.length).toBeGreaterThan(0);

  // Nothing secret in clear: not in DATA_DIR (database, state, repository objects), not in the
  // committed repository's history, not in the server's output, not in tofu's argv.
  const secrets = [...tokens, ...clusters.map(marker)];
  const files = filesUnder(dataDir);
  expect(files.some((f) => /\.db$|sqlite/.test(f)) || !!process.env.DATABASE_URL).toBe(true);
  for (const f of files) {
    const bytes = readFileSync(f);
    for (const s of secrets) expect(bytes.includes(s), `${s} in ${f}`).toBe(false);
  }
  const bare = repoPath(dataDir, manifest.metadata.name);
  const history = execFileSync('git', ['--git-dir', bare, 'log', '--all', '-p', '--format=%H'], {
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
  expect(history).toContain('kubeconfig_callback_url');
  for (const s of secrets) expect(history).not.toContain(s);
  const output = server.output.join('');
  for (const s of [...secrets, API_TOKEN]) expect(output).not.toContain(s);
  const runs = standInLog(log).filter((e) => e.cmd);
  expect(runs.map((r) => r.cmd)).toEqual(['init', 'plan', 'apply', 'output']);
  for (const r of runs) {
    expect(r.tfVars).toContain('TF_VAR_kubeconfig_callback_tokens');
    expect(r.secretInArgv).toBe(false);
    for (const s of tokens) expect(JSON.stringify(r.args)).not.toContain(s);
  }

  // The route is in the OpenAPI document, with its own security scheme.
  const doc = (await (await fetch(`${server.url}/api/openapi.json`, { headers: auth })).json()) as {
    paths: Record<string, Record<string, { security?: unknown }>>;
  };
  expect(
    doc.paths['/api/v1/deployments/{id}/clusters/{cluster}/kubeconfig']?.put?.security,
  ).toEqual([{ kubeconfigCallbackToken: [] }]);
});

it('the callback token is stable for a deployment and cluster (a resumed run hands the booted server the same), its hash checked in constant time', () => {
  const key = Buffer.alloc(32, 7);
  const id = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  const a = callbackToken(key, id, 'acme-hz-fsn1');
  expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(callbackToken(key, id, 'acme-hz-fsn1')).toBe(a);
  expect(callbackToken(key, id, 'acme-hz-nbg1')).not.toBe(a);
  expect(callbackToken(Buffer.alloc(32, 8), id, 'acme-hz-fsn1')).not.toBe(a);
  const hash = tokenHash(a);
  expect(hash).not.toContain(a);
  expect(bearerMatchesHash(`Bearer ${a}`, hash)).toBe(true);
  expect(bearerMatchesHash(`Bearer ${a}x`, hash)).toBe(false);
  expect(bearerMatchesHash(a, hash)).toBe(false);
  expect(bearerMatchesHash(undefined, hash)).toBe(false);
  expect(bearerMatchesHash('Bearer ', tokenHash(''))).toBe(false);
});

it('accepts only a kubeconfig of one cluster at https://…:6443 (loopback servers only for a loopback API)', () => {
  const ok = kubeconfig('https://203.0.113.10:6443', 't');
  expect(kubeconfigProblem(ok, false)).toBeNull();
  expect(kubeconfigProblem(kubeconfig('http://127.0.0.1:4711/c', 't'), true)).toBeNull();
  expect(kubeconfigProblem(kubeconfig('http://127.0.0.1:4711/c', 't'), false)).toMatch(/6443/);
  for (const server of [
    'https://203.0.113.10:443',
    'http://203.0.113.10:6443',
    'https://u:p@203.0.113.10:6443',
    'https://203.0.113.10:6443/x',
  ])
    expect(kubeconfigProblem(kubeconfig(server, 't'), true), server).toMatch(/6443/);
  expect(kubeconfigProblem(ok.replace('kind: Config', 'kind: Secret'), false)).toMatch(/kind/);
  expect(kubeconfigProblem(ok.replace('token: t', 'password: t'), false)).toMatch(/user/);
  expect(kubeconfigProblem('a: &x [*x]', false)).not.toBeNull();
  expect(kubeconfigProblem('[[[[[[[[[[]]]]]]]]]]', false)).not.toBeNull();
});
