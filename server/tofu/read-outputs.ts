// The outputs phase of a tofu run: `tofu output -json` read on the working copy, then recorded as
// artifacts (the public outputs as tofu-outputs.json, each kubeconfig sealed) and one event per cluster.
import type { ExecutorContext } from '../executor-types';
import { kubeconfigArtifact } from './callback';
import { runStep, type StepEnv } from './command';
import { clusterOutputs, describeCluster, publicOutputs, type ClusterOutputs } from './outputs';
import { ev, StepFailed } from './run';
import type { TofuOutput } from './stream';

/** Runs `tofu output -json` and parses what it printed. */
export async function readOutputs(
  ctx: ExecutorContext,
  o: StepEnv,
): Promise<Record<string, TofuOutput>> {
  const lines: string[] = [];
  await runStep(ctx, 'tofu-outputs', 'output', ['output', '-json'], { ...o, raw: lines });
  try {
    return JSON.parse(lines.join('\n')) as Record<string, TofuOutput>;
  } catch {
    throw new StepFailed('output', '`tofu output -json` did not print JSON', []);
  }
}

/** Stores the outputs (kubeconfigs sealed) and tells each cluster's; returns them per cluster. */
export async function recordOutputs(
  ctx: ExecutorContext,
  outputs: Record<string, TofuOutput>,
): Promise<ClusterOutputs[]> {
  const clusters = clusterOutputs(outputs);
  await ctx.store('tofu-outputs.json', JSON.stringify(publicOutputs(outputs), null, 2));
  for (const c of clusters)
    if (c.kubeconfig)
      await ctx.store(kubeconfigArtifact(c.cluster), c.kubeconfig, { sensitive: true });
  await ctx.report(clusters.map((c) => ev('tofu-outputs', describeCluster(c))));
  return clusters;
}
