// The tofu executor tests' shared setup: the STAND-IN tofu (tests/fixtures/tofu-stand-in/tofu) and
// the TEST DOUBLE of the clusters' Kubernetes APIs for a manifest, a server using them with the
// manifest submitted, waits for a final status, and the cleanups run after each test.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { deploymentCreatedSchema, FINAL_STATUSES } from '../../src/shared/schemas/api';
import type { SovereignManifest } from '../../src/shared/schemas/manifest';
import { startServer, submit, tempDir, type TestServer } from './harness';
import {
  installStandIn,
  moduleAddresses,
  POWERDNS_KEY,
  releasesOf,
  startWatchDouble,
  tofuManifest,
  writeStandInConfig,
  type StandInConfig,
  type WatchDouble,
} from './tofu-stand-in';

/** What to stop and remove after the current test, last first (see useCleanups). */
export const cleanups: (() => Promise<void>)[] = [];

/** Runs the cleanups after each of the file's tests. */
export function useCleanups(): void {
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
}

/** The stand-in tofu and the watch double for a manifest, and the env of a server using them. */
export async function standInFor(
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
    POWERDNS_API_KEY: POWERDNS_KEY,
  };
  return { releases, log, env, reconfigure };
}

export async function setUp(
  name: string,
  scenario: Partial<StandInConfig>,
  stall?: Set<string>,
  manifest: SovereignManifest = tofuManifest(name),
  envChange: Record<string, string | undefined> = {},
) {
  const { releases, log, env, reconfigure } = await standInFor(manifest, scenario, stall);
  const merged = Object.entries({ ...env, ...envChange }).filter(
    (e): e is [string, string] => e[1] !== undefined,
  );
  const t: TestServer = await startServer({ env: Object.fromEntries(merged) });
  cleanups.push(() => t.close());
  const res = await submit(t.url, JSON.stringify(manifest));
  const body = await res.text();
  expect(res.status, body).toBe(201);
  const { id } = deploymentCreatedSchema.parse(JSON.parse(body));
  return { t, id, log, manifest, releases, reconfigure, dataDir: t.dataDir };
}

export async function until<T>(fn: () => Promise<T | undefined>, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const finalRow = (t: TestServer, id: string) =>
  until(async () => {
    const row = await t.server.repo.getDeployment(id);
    return row && FINAL_STATUSES.includes(row.status) ? row : undefined;
  });

export const workingCopies = (dataDir: string) =>
  existsSync(path.join(dataDir, 'tmp'))
    ? readdirSync(path.join(dataDir, 'tmp')).filter((f) => f.includes('tofu'))
    : [];
