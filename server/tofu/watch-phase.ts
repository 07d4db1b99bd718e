// The watch phase of a tofu run: every cluster's kubeconfig (from the outputs, or the cloud-init
// callback), then every cluster's HelmReleases followed until all are Ready or the deadline passes.
import type { FastifyBaseLogger } from 'fastify';
import { planManifest, type SovereignPlan } from '../../src/shared/lib/placement';
import type { ExecutorContext } from '../executor-types';
import { kubeconfigAccess, type ClusterAccess, type ClusterWatcher } from './cluster-watch';
import type { TofuSettings } from './config';
import { collectKubeconfigs } from './kubeconfigs';
import type { ClusterOutputs } from './outputs';
import { batched, Cancelled, ev } from './run';
import {
  describeNotReady,
  watchClusters,
  type WatchedCluster,
  type WatchResult,
} from './watch-clusters';

export interface WatchOptions {
  settings: Pick<TofuSettings, 'watchTimeoutMs' | 'watchRetryMs'>;
  log: FastifyBaseLogger;
  watcherFor: (access: ClusterAccess) => ClusterWatcher;
  signal: AbortSignal;
  /** The kubeconfig callback's base URL handed to the module, or undefined (no callback). */
  callbackUrl: string | undefined;
}

/** Watches every cluster's HelmReleases until all are Ready; throws on a timeout or a cancel. */
export async function watchSovereign(
  ctx: ExecutorContext,
  clusters: readonly ClusterOutputs[],
  o: WatchOptions,
): Promise<void> {
  const plan = planManifest(ctx.manifest);
  const deadline = Date.now() + o.settings.watchTimeoutMs;
  const kubeconfigs = await kubeconfigsOf(ctx, plan, clusters, o, deadline);
  const watched = plan.clusters.map((pc) => ({
    name: pc.name,
    watcher: o.watcherFor(kubeconfigAccess(kubeconfigs.get(pc.name) ?? '')),
    expected: pc.components,
  }));
  const total = watched.reduce((n, c) => n + c.expected.length, 0);
  await ctx.report([
    ev('cluster-watch', `Waiting for ${total} HelmReleases on ${watched.length} cluster(s)`),
  ]);
  const result = await watchReleases(ctx, watched, o, deadline);
  if (o.signal.aborted) throw new Cancelled();
  if (!result.ready) {
    const mins = Math.round(o.settings.watchTimeoutMs / 60_000);
    throw new Error(
      `timed out after ${mins || '<1'} min waiting for the HelmReleases; still not ready: ${describeNotReady(result.notReady)}`,
    );
  }
  const msg = `The Sovereign is up: all ${total} HelmReleases are Ready on ${watched.length} cluster(s).`;
  await ctx.report([ev('cluster-watch', msg)], 'ready', msg);
}

/** Every planned cluster's kubeconfig, waiting for the callback of those the outputs lack. */
function kubeconfigsOf(
  ctx: ExecutorContext,
  plan: SovereignPlan,
  clusters: readonly ClusterOutputs[],
  o: WatchOptions,
  deadline: number,
): Promise<Map<string, string>> {
  return collectKubeconfigs({
    ctx,
    names: plan.clusters.map((c) => c.name),
    fromOutputs: (name) => clusters.find((c) => c.cluster === name)?.kubeconfig,
    callbackUrl: o.callbackUrl,
    signal: o.signal,
    deadline,
    timeoutMs: o.settings.watchTimeoutMs,
    pollMs: Math.min(Math.max(o.settings.watchRetryMs, 50), 2000),
    waiting: (names) =>
      ctx.report(
        names.map((n) =>
          ev('cluster-watch', `Waiting for ${n} to report its kubeconfig (cloud-init)…`),
        ),
        'flux-bootstrapping',
        'The cloud resources exist; cloud-init is installing k3s, Cilium and Flux, and Flux pulls the tree. Waiting for each cluster’s HelmReleases.',
      ),
    arrived: (names) =>
      ctx.report(
        names.map((n) => ev('cluster-watch', `${n} reported its kubeconfig (cloud-init)`)),
      ),
  });
}

/** Follows the HelmReleases, each change an event; the first write moves the status to watching. */
async function watchReleases(
  ctx: ExecutorContext,
  watched: readonly WatchedCluster[],
  o: WatchOptions,
  deadline: number,
): Promise<WatchResult> {
  let watching = false;
  const { report, flushed } = batched((events) => {
    if (watching) return ctx.report(events);
    watching = true;
    const msg = `Flux is installing the components on ${watched.length} cluster(s).`;
    return ctx.report(events, 'phase1-watching', msg);
  });
  const result = await watchClusters({
    clusters: watched,
    timeoutMs: Math.max(1, deadline - Date.now()),
    retryMs: o.settings.watchRetryMs,
    signal: o.signal,
    onChange: (c) =>
      report(
        ev('cluster-watch', c.message, {
          component: c.component,
          state: c.state,
          level: c.state === 'failed' ? 'warn' : 'info',
        }),
      ),
    onError: (cluster, err) =>
      o.log.info(
        { deploymentId: ctx.deploymentId, cluster, err: String(err) },
        'cluster API not reachable yet',
      ),
  });
  await flushed();
  return result;
}
