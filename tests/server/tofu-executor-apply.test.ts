// EXECUTOR=tofu against the STAND-IN tofu (tests/fixtures/tofu-stand-in/tofu: it replays
// OpenTofu's documented -json stream; no OpenTofu binary and no cloud exist here) and a TEST DOUBLE
// of the clusters' Kubernetes APIs replaying recorded HelmRelease watch events (setup:
// tofu-executor-harness.ts): one run, from apply to ready, cancelled, timed out, refused or
// plan-only (what a run keeps for the next, a retry, a restart, a revision:
// tofu-executor-state.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { deploymentSchema } from '../../src/shared/schemas/api';
import { loadConfig } from '../../server/config';
import { openArtifact } from '../../server/executor-context';
import { regionsForTopology } from '../../src/shared/lib/draft-defaults';
import { buildManifest, withSecrets } from '../../src/shared/lib/manifest';
import { planOnlySentence } from '../../src/shared/lib/tofu';
import { validDraft } from '../shared/lib/manifest-fixtures';
import { DEFAULT_SECRETS, PLANTED_TOKEN } from './fixtures';
import { tempDir, type TestServer } from './harness';
import { finalRow, setUp, until, useCleanups, workingCopies } from './tofu-executor-harness';
import { moduleAddresses, POWERDNS_KEY, REGISTRY_TOKEN, standInLog } from './tofu-stand-in';

useCleanups();

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
      'TF_VAR_powerdns_api_key',
      'TF_VAR_registry_token',
    ]);
    expect(r.secretInArgv).toBe(false);
  }
  const all = JSON.stringify(events) + t.logs.join('');
  for (const secret of [PLANTED_TOKEN, REGISTRY_TOKEN, POWERDNS_KEY])
    expect(all).not.toContain(secret);
  // dns.tf's zone and records are applied with the machines (pool mode).
  expect(events.some((e) => e.message.includes('powerdns_record.sovereign["apex"]'))).toBe(true);
  expect(workingCopies(t.dataDir)).toEqual([]);
});

function loadSecretKey(t: TestServer): Buffer {
  return Buffer.from(
    // The key file the server created in its DATA_DIR.
    readFileSync(path.join(t.dataDir, 'secret.key'), 'utf8').trim(),
    'base64',
  );
}

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
