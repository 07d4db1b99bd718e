// The cluster watch on recorded HelmRelease watch events (tests/fixtures/helmrelease-watch), served
// by a TEST DOUBLE of the Kubernetes API (a local HTTP server streaming the NDJSON), and the
// parsing of OpenTofu's -json stream on the stand-in's recording.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import {
  helmReleaseState,
  HttpClusterWatcher,
  kubeconfigAccess,
} from '../../server/tofu/cluster-watch';
import {
  ApplyProgress,
  parseTofuLine,
  summariseDiagnostics,
  type TofuDiagnostic,
} from '../../server/tofu/stream';
import { watchClusters, type ComponentChange } from '../../server/tofu/watch-clusters';
import { startWatchDouble, type WatchDouble } from './tofu-stand-in';

let double: WatchDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

const watcher = (url: string, cluster: string) =>
  new HttpClusterWatcher(
    kubeconfigAccess(
      `clusters: [{name: c, cluster: {server: "${url}/${cluster}"}}]\nusers: [{name: u, user: {token: t}}]\n`,
    ),
  );

it('follows recorded HelmRelease events to Ready on every cluster (test double of the Kubernetes API)', async () => {
  double = await startWatchDouble({ a: ['cilium', 'flux'], b: ['cilium'] });
  const changes: ComponentChange[] = [];
  const result = await watchClusters({
    clusters: [
      { name: 'a', watcher: watcher(double.url, 'a'), expected: ['cilium', 'flux'] },
      { name: 'b', watcher: watcher(double.url, 'b'), expected: ['cilium'] },
    ],
    timeoutMs: 5000,
    retryMs: 10,
    signal: new AbortController().signal,
    onChange: (c) => changes.push(c),
    onError: () => undefined,
  });
  expect(result).toEqual({ ready: true, notReady: {}, timedOut: false });
  expect(changes.filter((c) => c.cluster === 'b').map((c) => c.state)).toEqual([
    'installing',
    'failed',
    'installing',
    'installed',
  ]);
  expect(changes.find((c) => c.state === 'failed')?.message).toContain('Helm install failed');
  expect(
    double.requests.every((r) =>
      r.endsWith('/apis/helm.toolkit.fluxcd.io/v2/helmreleases?watch=1'),
    ),
  ).toBe(true);
});

it('times out naming what is still not ready, and retries a cluster whose API is not up yet', async () => {
  double = await startWatchDouble({ a: ['cilium', 'loki'] }, new Set(['loki']));
  const errors: string[] = [];
  const result = await watchClusters({
    clusters: [
      { name: 'a', watcher: watcher(double.url, 'a'), expected: ['cilium', 'loki'] },
      { name: 'down', watcher: watcher(double.url, 'down'), expected: ['cilium'] },
    ],
    timeoutMs: 300,
    retryMs: 10,
    signal: new AbortController().signal,
    onChange: () => undefined,
    onError: (cluster, err) => errors.push(`${cluster}: ${String(err)}`),
  });
  expect(result).toEqual({
    ready: false,
    timedOut: true,
    notReady: { a: ['loki'], down: ['cilium'] },
  });
  expect(errors[0]).toMatch(/^down: Error: the cluster API answered 404/);
});

it('reads a HelmRelease Ready condition', () => {
  const lines = readFileSync(
    path.resolve(import.meta.dirname, '../fixtures/helmrelease-watch/cilium.ndjson'),
    'utf8',
  )
    .trim()
    .split('\n');
  const states = lines.map(
    (l) => helmReleaseState((JSON.parse(l) as { object: unknown }).object).state,
  );
  expect(states).toEqual(['installing', 'failed', 'installing', 'ready']);
});

it('turns the recorded -json stream into "resource N of M" and plain diagnostics', () => {
  const lines = readFileSync(
    path.resolve(import.meta.dirname, '../fixtures/tofu-stand-in/recorded.jsonl'),
    'utf8',
  )
    .trim()
    .split('\n');
  const fill = (l: string) => l.replaceAll('"ADDR"', '"hcloud_server.node[\\"a-cp-1\\"]"');
  const progress = new ApplyProgress(2);
  const said: string[] = [];
  const diags: TofuDiagnostic[] = [];
  for (const line of lines.map(fill)) {
    const msg = parseTofuLine(line);
    if (msg?.type === 'diagnostic') diags.push(msg.diagnostic);
    else if (msg) {
      const text = progress.onMessage(msg);
      if (text) said.push(text);
    }
  }
  expect(parseTofuLine('Initializing the backend...')).toBeUndefined();
  expect(said).toEqual(
    [
      'Plan: 0 to add, 0 to change, 0 to destroy',
      'resource 1 of 0: hcloud_server.node["a-cp-1"] (create started)',
      'resource 1 of 0: hcloud_server.node["a-cp-1"] (create complete after 12 s)',
      'resource 2 of 0: hcloud_server.node["a-cp-1"] (create failed)',
    ].map((s) => s.replaceAll(' of 0', ' of ?')),
  );
  expect(summariseDiagnostics(diags)).toBe(
    'error during placement (resource_unavailable, 5f2c1e) (resource hcloud_server.node["a-cp-1"]): The server type cpx42 is not available in location fsn1 at the moment. Try again later or choose another server type; execution halted',
  );
});
