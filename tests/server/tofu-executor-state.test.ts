// EXECUTOR=tofu against the STAND-IN tofu (tests/fixtures/tofu-stand-in/tofu: it replays
// OpenTofu's documented -json stream; no OpenTofu binary and no cloud exist here) and a TEST DOUBLE
// of the clusters' Kubernetes APIs replaying recorded HelmRelease watch events (setup:
// tofu-executor-harness.ts): what a run keeps for the next, the OpenTofu state and plan, so a
// retry, a restarted server and a revision continue from it (one run: tofu-executor-apply.test.ts).
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { deploymentCreatedSchema, deploymentSchema } from '../../src/shared/schemas/api';
import { stopServer } from '../../scripts/spawn-server';
import { readSse, revise, spawnServer, submit, tempDir } from './harness';
import {
  cleanups,
  finalRow,
  setUp,
  standInFor,
  until,
  useCleanups,
  workingCopies,
} from './tofu-executor-harness';
import { moduleAddresses, standInLog, tofuManifest } from './tofu-stand-in';

useCleanups();

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

it('stand-in tofu, pool mode without POWERDNS_API_KEY: failed before any resource, naming the variable', async () => {
  const name = 'tofu-no-dns-key';
  const { t, id, log } = await setUp(name, {}, undefined, tofuManifest(name), {
    POWERDNS_API_KEY: undefined,
  });
  const row = await finalRow(t, id);
  expect(row.status).toBe('failed');
  expect(row.statusMessage).toContain('POWERDNS_API_KEY');
  expect(row.statusMessage).toContain('the DNS records of');
  expect(standInLog(log).filter((e) => e.applied)).toEqual([]);
});
