// EXECUTOR=tofu against the STAND-IN tofu (tests/fixtures/tofu-stand-in/tofu: it replays
// OpenTofu's documented -json stream; no OpenTofu binary and no cloud exist here) and a TEST DOUBLE
// of the clusters' Kubernetes APIs replaying recorded HelmRelease watch events.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import {
  deploymentCreatedSchema,
  deploymentSchema,
  FINAL_STATUSES,
} from '../../src/shared/schemas/api';
import { loadConfig } from '../../server/config';
import { openArtifact } from '../../server/executor-context';
import { stopServer } from '../../scripts/spawn-server';
import { regionsForTopology } from '../../src/shared/lib/draft-defaults';
import { buildManifest, withSecrets } from '../../src/shared/lib/manifest';
import { planOnlySentence } from '../../src/shared/lib/tofu';
import { validDraft } from '../shared/lib/manifest-fixtures';
import { DEFAULT_SECRETS, PLANTED_TOKEN } from './fixtures';
import {
  readSse,
  revise,
  spawnServer,
  startServer,
  submit,
  tempDir,
  type TestServer,
} from './harness';
import {
  installStandIn,
  moduleAddresses,
  REGISTRY_TOKEN,
  releasesOf,
  standInLog,
  startWatchDouble,
  tofuManifest,
  writeStandInConfig,
  type StandInConfig,
  type WatchDouble,
} from './tofu-stand-in';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The stand-in tofu and the watch double for a manifest, and the env of a server using them. */
async function standInFor(
  manifest: SovereignManifest,
  scenario: Partial<StandInConfig>,
  stall?: Set<string>,
) {
  const releases = releasesOf(manifest);
  const double: WatchDouble = await startWatchDouble(releases, stall);
  cleanups.push(() => double.close());
  const dir = tempDir('catalyst-tofu-');
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const log = path.join(dir, 'stand-in.log');
  const config: StandInConfig = {
    resources: moduleAddresses(manifest),
    scenario: 'success',
    clusters: Object.keys(releases),
    kubeServer: double.url,
    log,
    ...scenario,
  };
  const bin = installStandIn(dir, config);
  /** Changes the stand-in's behaviour for its next invocations. */
  const reconfigure = (change: Partial<StandInConfig>) =>
    writeStandInConfig(dir, { ...config, ...change });
  const env = {
    EXECUTOR: 'tofu',
    TOFU_BIN: bin,
    TOFU_CANCEL_GRACE_MS: '3000',
    CLUSTER_WATCH_TIMEOUT_MS: stall ? '600' : '10000',
    CLUSTER_WATCH_RETRY_MS: '20',
    LOG_LEVEL: 'info',
  };
  return { releases, log, env, reconfigure };
}

async function setUp(
  name: string,
  scenario: Partial<StandInConfig>,
  stall?: Set<string>,
  manifest: SovereignManifest = tofuManifest(name),
) {
  const { releases, log, env, reconfigure } = await standInFor(manifest, scenario, stall);
  const t: TestServer = await startServer({ env });
  cleanups.push(() => t.close());
  const res = await submit(t.url, JSON.stringify(manifest));
  const body = await res.text();
  expect(res.status, body).toBe(201);
  const { id } = deploymentCreatedSchema.parse(JSON.parse(body));
  return { t, id, log, manifest, releases, reconfigure, dataDir: t.dataDir };
}

async function until<T>(fn: () => Promise<T | undefined>, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const finalRow = (t: TestServer, id: string) =>
  until(async () => {
    const row = await t.server.repo.getDeployment(id);
    return row && FINAL_STATUSES.includes(row.status) ? row : undefined;
  });

const workingCopies = (dataDir: string) =>
  existsSync(path.join(dataDir, 'tmp'))
    ? readdirSync(path.join(dataDir, 'tmp')).filter((f) => f.includes('tofu'))
    : [];

it('stand-in tofu, success: progress per resource, outputs recorded, kubeconfig sealed, watch to ready', async () => {
  const { t, id, log, manifest, releases } = await setUp('tofu-ok', {});
  const row = await finalRow(t, id);
  expect(row.status).toBe('ready');
  const events = await t.server.repo.listEvents(id, 0, 10_000);
  const total = moduleAddresses(manifest).length;
  expect(events.some((e) => e.message === `Plan: ${total} to add, 0 to change, 0 to destroy`)).toBe(
    true,
  );
  expect(
    events.some((e) => e.message.startsWith(`resource 1 of ${total}: hcloud_ssh_key.sovereign`)),
  ).toBe(true);
  expect(events.some((e) => e.message.startsWith(`resource ${total} of ${total}: `))).toBe(true);
  const outputs = events.filter(
    (e) => e.phase === 'tofu-outputs' && e.message.includes('Kubernetes API'),
  );
  expect(outputs.map((e) => e.message)).toEqual(
    Object.keys(releases).map(
      (c, i) =>
        `${c}: Kubernetes API https://203.0.113.${10 + i}:6443, load balancer 203.0.113.${10 + i} and 2001:db8::${i + 1}`,
    ),
  );
  // One ready event per release and cluster; Ready came after an InstallFailed in the recording.
  const watch = events.filter((e) => e.phase === 'cluster-watch' && e.component);
  const count = Object.values(releases).reduce((n, r) => n + r.length, 0);
  expect(watch.filter((e) => e.state === 'installed')).toHaveLength(count);
  expect(
    watch.some((e) => e.state === 'failed' && /InstallFailed|install failed/i.test(e.message)),
  ).toBe(true);
  // The kubeconfig is sealed; the public outputs artifact holds none.
  const kube = await openArtifact(
    t.server.repo,
    loadSecretKey(t),
    id,
    `kubeconfig/${Object.keys(releases)[0]}`,
  );
  expect(kube).toContain('stand-in-token-');
  expect(await t.server.repo.getArtifact(id, 'tofu-outputs.json')).not.toContain('stand-in-token');
  // Secrets only in the environment, never in argv, an event or a log line.
  const runs = standInLog(log).filter((e) => e.cmd);
  expect(runs.map((r) => r.cmd)).toEqual(['init', 'plan', 'apply', 'output']);
  for (const r of runs) {
    expect(r.tfVars).toEqual([
      'TF_VAR_gitops_token',
      'TF_VAR_hcloud_token',
      'TF_VAR_kubeconfig_callback_tokens',
      'TF_VAR_registry_token',
    ]);
    expect(r.secretInArgv).toBe(false);
  }
  const all = JSON.stringify(events) + t.logs.join('');
  for (const secret of [PLANTED_TOKEN, REGISTRY_TOKEN]) expect(all).not.toContain(secret);
  expect(workingCopies(t.dataDir)).toEqual([]);
});

function loadSecretKey(t: TestServer): Buffer {
  return Buffer.from(
    // The key file the server created in its DATA_DIR.
    readFileSync(path.join(t.dataDir, 'secret.key'), 'utf8').trim(),
    'base64',
  );
}

it('stand-in tofu, failure mid-apply: failed with the diagnostic in plain words, state and plan kept; a retry continues from them', async () => {
  const { t, id, log, manifest, reconfigure, dataDir } = await setUp('tofu-fail', {
    scenario: 'fail',
    failAt: 5,
  });
  const row = await finalRow(t, id);
  expect(row.status).toBe('failed');
  expect(row.statusMessage).toMatch(
    /^OpenTofu apply failed: error during placement \(resource_unavailable, 5f2c1e\) \(resource hcloud_load_balancer\.cluster\["tofu-fail-hz-fsn1"\]\): The server type cpx42 is not available in location fsn1/,
  );
  expect(row.statusMessage).toContain(
    'The OpenTofu state (5 resource(s)) and the last plan are kept',
  );
  const state = path.join(dataDir, 'state', id);
  expect(existsSync(path.join(state, 'plan.tfplan'))).toBe(true);
  expect(existsSync(path.join(state, 'terraform.tfstate'))).toBe(true);
  expect(workingCopies(dataDir)).toEqual([]);

  // POST …/retry: plans again from the kept state (only what is left) and, this time, applies.
  reconfigure({ scenario: 'success' });
  const retry = await fetch(`${t.url}/api/v1/deployments/${id}/retry`, { method: 'POST' });
  expect(retry.status).toBe(200);
  expect(deploymentSchema.parse(await retry.json()).status).toBe('provisioning');
  const again = await until(async () => {
    const r = await t.server.repo.getDeployment(id);
    return r?.status === 'ready' || r?.status === 'failed' ? r : undefined;
  });
  expect(again.status).toBe('ready');
  const total = moduleAddresses(manifest).length;
  const events = await t.server.repo.listEvents(id, 0, 10_000);
  expect(
    events.some((e) => e.message === `Plan: ${total - 5} to add, 0 to change, 0 to destroy`),
  ).toBe(true);
  expect(standInLog(log).filter((e) => e.applied)).toHaveLength(total);
  const twice = await fetch(`${t.url}/api/v1/deployments/${id}/retry`, { method: 'POST' });
  expect(twice.status).toBe(409);
});

it('stand-in tofu, cancel: SIGINT, OpenTofu stops at a safe point, cancelled, working copy removed', async () => {
  const { t, id, log, dataDir } = await setUp('tofu-cancel', { scenario: 'slow', delayMs: 150 });
  await until(async () =>
    standInLog(log).filter((e) => e.applied).length >= 2 ? true : undefined,
  );
  const res = await fetch(`${t.url}/api/v1/deployments/${id}/cancel`, { method: 'POST' });
  expect(res.status).toBe(200);
  const d = deploymentSchema.parse(await res.json());
  expect(d.status).toBe('cancelled');
  expect(d.statusMessage).toMatch(
    /^Cancelled: OpenTofu was asked to stop \(SIGINT\) and stopped at a safe point/,
  );
  expect(standInLog(log).some((e) => e.interrupted)).toBe(true);
  expect(workingCopies(dataDir)).toEqual([]);
  const again = await fetch(`${t.url}/api/v1/deployments/${id}/cancel`, { method: 'POST' });
  expect(again.status).toBe(409);
  const events = await t.server.repo.listEvents(id, 0, 10_000);
  expect(events.filter((e) => e.phase === 'failed')).toEqual([]);
});

it('stand-in tofu, the watch times out naming what is still not ready', async () => {
  const { t, id } = await setUp('tofu-slow', {}, new Set(['loki', 'harbor']));
  const row = await finalRow(t, id).catch(async (e) => {
    console.log(
      JSON.stringify((await t.server.repo.listEvents(id, 0, 10000)).slice(-5)),
      t.logs.slice(-5),
    );
    throw e;
  });
  expect(row.status).toBe('failed');
  expect(row.statusMessage).toMatch(
    /timed out after <1 min waiting for the HelmReleases; still not ready: tofu-slow-hz-fsn1: (\w|-|, )*harbor, loki; tofu-slow-hz-nbg1: /,
  );
});

it('stand-in tofu, a module without a kubeconfigs output (as the Hetzner one) and no callback: failed, naming the clusters that never reported', async () => {
  const { t, id, releases } = await setUp('tofu-nokube', { noKubeconfigs: true }, new Set());
  const row = await finalRow(t, id);
  expect(row.status).toBe('failed');
  const names = Object.keys(releases);
  expect(row.statusMessage).toContain(
    `timed out after <1 min waiting for the kubeconfig callback of ${names.join(', ')}: cloud-init on the first control plane never reported it`,
  );
  const events = await t.server.repo.listEvents(id, 0, 10_000);
  // The load-balancer addresses are still reported, then the wait for each cluster.
  expect(
    events.filter((e) => e.phase === 'tofu-outputs' && e.message.includes('Kubernetes API')),
  ).toHaveLength(names.length);
  for (const n of names)
    expect(events.map((e) => e.message)).toContain(
      `Waiting for ${n} to report its kubeconfig (cloud-init)…`,
    );
});

it('refuses EXECUTOR=tofu at start-up when no tofu binary is found, naming what to install', () => {
  expect(() => loadConfig({ EXECUTOR: 'tofu', PATH: tempDir() })).toThrow(
    /EXECUTOR=tofu needs the OpenTofu CLI \(no `tofu` on PATH\): install OpenTofu 1\.8 or later/,
  );
  expect(() => loadConfig({ EXECUTOR: 'tofu', TOFU_BIN: '/nonexistent/tofu' })).toThrow(
    /TOFU_BIN=\/nonexistent\/tofu is not an executable file/,
  );
  expect(() => loadConfig({ EXECUTOR: 'terraform' })).toThrow(/not an executor of this build/);
});

it('stand-in tofu, plan-only provider: never runs tofu, ends ready-to-apply saying there is nothing to apply', async () => {
  const d = validDraft();
  d.infrastructure.sovereignName = 'tofu-aws';
  d.dns.subdomain = 'tofu-aws';
  d.infrastructure.provider = 'aws';
  d.infrastructure.regions = regionsForTopology('zoned', 'aws');
  // validDraft's components need more disk than the default AWS workers give.
  for (const r of d.infrastructure.regions) r.workers.count = 6;
  const manifest = withSecrets(buildManifest(d), { ...DEFAULT_SECRETS, registrarToken: '' });
  const { t, id, log } = await setUp('tofu-aws', {}, undefined, manifest);
  const row = await finalRow(t, id);
  expect(row.status).toBe('ready-to-apply');
  expect(row.statusMessage).toBe(
    `${planOnlySentence('aws')} The GitOps repository is written; the tofu executor has nothing to apply.`,
  );
  expect(standInLog(log)).toEqual([]);
  const events = await t.server.repo.listEvents(id, 0, 10_000);
  expect(events.filter((e) => e.phase.startsWith('tofu-apply'))).toEqual([]);
});

it('stand-in tofu, server SIGKILLed mid-apply: the restarted server resumes from the state, never from scratch', async () => {
  const manifest = tofuManifest('tofu-kill');
  const total = moduleAddresses(manifest).length;
  const { log, env } = await standInFor(manifest, { scenario: 'slow', delayMs: 100 });
  const dataDir = tempDir('catalyst-tofu-kill-');
  cleanups.push(async () =>
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }),
  );
  const first = await spawnServer({ ...env, DATA_DIR: dataDir });
  cleanups.push(() => stopServer(first.child, 'SIGKILL'));
  const res = await submit(first.url, JSON.stringify(manifest));
  expect(res.status).toBe(201);
  const { id } = deploymentCreatedSchema.parse(await res.json());
  const applied = () => standInLog(log).filter((e) => e.applied);
  await until(async () => (applied().length >= 3 ? true : undefined), 30_000);
  await stopServer(first.child, 'SIGKILL');
  // The stand-in stops at its next write to the dead server's pipe; let it.
  let before = -1;
  await until(async () => {
    const n = applied().length;
    if (n === before) return true;
    before = n;
    await new Promise((r) => setTimeout(r, 400));
    return undefined;
  }, 10_000);
  expect(before).toBeLessThan(total);

  const second = await spawnServer({ ...env, DATA_DIR: dataDir });
  cleanups.push(() => stopServer(second.child));
  const stream = await readSse(`${second.url}/api/v1/deployments/${id}/events`);
  const messages = stream.map((m) => m.data);
  expect(stream.at(-1)?.event).toBe('done');
  const final = deploymentSchema.parse(
    await (await fetch(`${second.url}/api/v1/deployments/${id}`)).json(),
  );
  expect(final.status).toBe('ready');
  expect(messages.some((m) => m.includes('Resumed after a restart (was tofu-applying)'))).toBe(
    true,
  );
  expect(
    messages.some((m) =>
      m.includes(
        `Resuming from the OpenTofu state kept in DATA_DIR/state/${id} (${before} resource(s) already recorded)`,
      ),
    ),
  ).toBe(true);
  expect(messages.some((m) => m.includes(`Plan: ${total - before} to add, 0 to change`))).toBe(
    true,
  );
  // Every resource applied exactly once across both servers.
  const addrs = applied().map((e) => e.applied as string);
  expect(addrs).toHaveLength(total);
  expect(new Set(addrs)).toEqual(new Set(moduleAddresses(manifest)));
  expect(standInLog(log).filter((e) => e.cmd === 'plan')).toHaveLength(2);
});

it('stand-in tofu, a revision plans from the previous revision’s state: only what changed is applied', async () => {
  const { t, id, log, manifest } = await setUp('tofu-rev', {});
  expect((await finalRow(t, id)).status).toBe('ready');
  const total = moduleAddresses(manifest).length;
  const appliedBefore = standInLog(log).filter((e) => e.applied).length;
  expect(appliedBefore).toBe(total);

  // Revision 2 keeps the infrastructure as it is: OpenTofu must find every resource in state.
  const res = await revise(t.url, 'tofu-rev', manifest, 'baseRevision=1');
  const body = await res.text();
  expect(res.status, body).toBe(201);
  const second = deploymentCreatedSchema.parse(JSON.parse(body));
  expect((await finalRow(t, second.id)).status).toBe('ready');
  const events = await t.server.repo.listEvents(second.id, 0, 10_000);
  expect(events.some((e) => e.message === 'Plan: 0 to add, 0 to change, 0 to destroy')).toBe(true);
  expect(standInLog(log).filter((e) => e.applied)).toHaveLength(appliedBefore);
});
