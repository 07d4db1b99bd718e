// Each cluster's kubeconfig for the watch after `tofu apply`: from the module's `kubeconfigs` output
// when it has one (the stand-in's), one already stored (a retry after the cluster reported), else
// the cloud-init callback's (server/tofu/callback.ts), polled until the deadline. And the inputs of
// that callback for a run: the tokens (only their hashes stored) and the non-secret tfvars.
import { planManifest } from '../../src/shared/lib/placement';
import type { ExecutorContext } from '../executor-types';
import { callbackHashArtifact, callbackUrlUsable, kubeconfigArtifact, tokenHash } from './callback';

/**
 * Per cluster a callback token into `vars.kubeconfig_callback_tokens` (TF_VAR_ only), its hash
 * stored; the non-secret tfvars for the working copy. No usable base URL: undefined, no callback.
 */
export async function callbackInputs(
  ctx: ExecutorContext,
  base: string | undefined,
  vars: Record<string, string>,
): Promise<{ url: string; tokens: string[]; tfvars: Record<string, string> } | undefined> {
  const url = base?.replace(/\/+$/, '');
  if (!url || !callbackUrlUsable(url)) return undefined;
  const tokens: Record<string, string> = {};
  for (const c of planManifest(ctx.manifest).clusters) {
    const token = ctx.callbackToken(c.name);
    tokens[c.name] = token;
    await ctx.store(callbackHashArtifact(c.name), tokenHash(token));
  }
  vars.kubeconfig_callback_tokens = JSON.stringify(tokens);
  return {
    url,
    tokens: Object.values(tokens),
    tfvars: { deployment_id: ctx.deploymentId, kubeconfig_callback_url: url },
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Every cluster's kubeconfig. `waiting` is told (once) which clusters have not reported yet,
 * `arrived` each time some do. Throws when the callback is off and one is missing, at the deadline
 * (naming the clusters that never called back), and when `signal` aborts.
 */
export async function collectKubeconfigs(o: {
  ctx: ExecutorContext;
  names: readonly string[];
  fromOutputs: (cluster: string) => string | undefined;
  callbackUrl: string | undefined;
  signal: AbortSignal;
  deadline: number;
  timeoutMs: number;
  pollMs: number;
  waiting: (clusters: string[]) => Promise<void>;
  arrived: (clusters: string[]) => Promise<void>;
}): Promise<Map<string, string>> {
  const got = new Map<string, string>();
  const look = async (name: string) => {
    const kube =
      o.fromOutputs(name) ?? (await o.ctx.load(kubeconfigArtifact(name), { sensitive: true }));
    if (kube) got.set(name, kube);
  };
  for (const n of o.names) await look(n);
  let missing = o.names.filter((n) => !got.has(n));
  if (missing.length > 0 && !o.callbackUrl) {
    throw new Error(
      `OpenTofu applied the module, but it gives no \`kubeconfigs\` output for ${missing.join(', ')} and the kubeconfig callback is off (PUBLIC_URL must be an https:// URL the clusters reach), so the cluster watch cannot run; the kubeconfig is /etc/rancher/k3s/k3s.yaml on the cluster's first control plane`,
    );
  }
  await o.waiting(missing);
  while (missing.length > 0) {
    if (o.signal.aborted) throw new Error('cancelled while waiting for the kubeconfig callback');
    if (Date.now() >= o.deadline) {
      const mins = Math.round(o.timeoutMs / 60_000);
      throw new Error(
        `timed out after ${mins || '<1'} min waiting for the kubeconfig callback of ${missing.join(', ')}: cloud-init on the first control plane never reported it (is ${o.callbackUrl} reachable from the cluster? its log is /var/log/catalyst-bootstrap.log)`,
      );
    }
    await sleep(Math.min(o.pollMs, Math.max(0, o.deadline - Date.now())), o.signal);
    for (const n of missing) await look(n);
    const arrived = missing.filter((n) => got.has(n));
    missing = missing.filter((n) => !got.has(n));
    if (arrived.length > 0) await o.arrived(arrived);
  }
  return got;
}
