// EXECUTOR=tofu against the STAND-IN tofu (tests/fixtures/tofu-stand-in/tofu: it replays
// OpenTofu's documented -json stream; no OpenTofu binary and no cloud exist here) and a TEST DOUBLE
// of the clusters' Kubernetes APIs replaying recorded HelmRelease watch events.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import {
  deploymentCreatedSchema,
  deploymentSchema,
  FINAL_STATUSES,
} from '../../src/shared/schemas/api';
import { loadConfig } from '../../server/config';
import { openArtifact } from '../../server/executor-context';
import { PLANTED_TOKEN } from './fixtures';
import { startServer, submit, tempDir, type TestServer } from './harness';
import {
  installStandIn,
  moduleAddresses,
  REGISTRY_TOKEN,
  releasesOf,
  standInLog,
  startWatchDouble,
  tofuManifest,
  type StandInConfig,
  type WatchDouble,
} from './tofu-stand-in';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(name: string, scenario: Partial<StandInConfig>, stall?: Set<string>) {
  const manifest = tofuManifest(name);
  const releases = releasesOf(manifest);
  const double: WatchDouble = await startWatchDouble(releases, stall);
  cleanups.push(() => double.close());
  const dir = tempDir('catalyst-tofu-');
  const log = path.join(dir, 'stand-in.log');
  const bin = installStandIn(dir, {
    resources: moduleAddresses(manifest),
    scenario: 'success',
    clusters: Object.keys(releases),
    kubeServer: double.url,
    log,
    ...scenario,
  });
  const t: TestServer = await startServer({
    env: {
      EXECUTOR: 'tofu',
      TOFU_BIN: bin,
      TOFU_CANCEL_GRACE_MS: '3000',
      CLUSTER_WATCH_TIMEOUT_MS: stall ? '600' : '10000',
      CLUSTER_WATCH_RETRY_MS: '20',
      LOG_LEVEL: 'info',
    },
  });
  cleanups.push(() => t.close());
  const res = await submit(t.url, JSON.stringify(manifest));
  expect(res.status).toBe(201);
  const { id } = deploymentCreatedSchema.parse(await res.json());
  return { t, id, log, manifest, releases, dataDir: t.dataDir };
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

it('stand-in tofu, failure mid-apply: failed with the diagnostic in plain words, state and plan kept', async () => {
  const { t, id, dataDir } = await setUp('tofu-fail', { scenario: 'fail', failAt: 5 });
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

it('refuses EXECUTOR=tofu at start-up when no tofu binary is found, naming what to install', () => {
  expect(() => loadConfig({ EXECUTOR: 'tofu', PATH: tempDir() })).toThrow(
    /EXECUTOR=tofu needs the OpenTofu CLI \(no `tofu` on PATH\): install OpenTofu 1\.8 or later/,
  );
  expect(() => loadConfig({ EXECUTOR: 'tofu', TOFU_BIN: '/nonexistent/tofu' })).toThrow(
    /TOFU_BIN=\/nonexistent\/tofu is not an executable file/,
  );
  expect(() => loadConfig({ EXECUTOR: 'terraform' })).toThrow(/not an executor of this build/);
});
