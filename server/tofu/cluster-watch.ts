// Watching a new cluster's HelmReleases. `@kubernetes/client-node` is not among this project's
// dependencies, so a small ClusterWatcher speaks the Kubernetes watch API itself: GET
// /apis/helm.toolkit.fluxcd.io/v2/helmreleases?watch=1 answers newline-delimited JSON watch events
// ({type: ADDED|MODIFIED|DELETED|ERROR, object}); a watch without resourceVersion starts with an
// ADDED event for every existing object. node:https is used rather than fetch because the
// kubeconfig authenticates with a client certificate (fetch has no option for one).
import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import { parse } from 'yaml';

export type ReleaseState = 'installing' | 'ready' | 'failed';

export interface HelmReleaseStatus {
  name: string;
  namespace: string;
  state: ReleaseState;
  /** The Ready condition's message (or reason), for people. */
  message: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ClusterWatcher {
  /** Streams HelmRelease changes; resolves when the server ends the watch, rejects when it fails. */
  watch(
    signal: AbortSignal,
    onEvent: (type: WatchEventType, release: HelmReleaseStatus) => void,
  ): Promise<void>;
}

/** How to reach one cluster's API, from its kubeconfig. */
export interface ClusterAccess {
  server: string;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  token?: string;
}

type Named<T> = { name?: string } & T;
interface Kubeconfig {
  'current-context'?: string;
  contexts?: Named<{ context?: { cluster?: string; user?: string } }>[];
  clusters?: Named<{ cluster?: { server?: string; 'certificate-authority-data'?: string } }>[];
  users?: Named<{
    user?: { 'client-certificate-data'?: string; 'client-key-data'?: string; token?: string };
  }>[];
}

const b64 = (v: string | undefined) => (v ? Buffer.from(v, 'base64') : undefined);

/** The server and credentials of a kubeconfig's current context (or its first cluster and user). */
export function kubeconfigAccess(text: string): ClusterAccess {
  const kc = (parse(text) ?? {}) as Kubeconfig;
  const ctx = kc.contexts?.find((c) => c.name === kc['current-context'])?.context;
  const cluster = (kc.clusters?.find((c) => c.name === ctx?.cluster) ?? kc.clusters?.[0])?.cluster;
  const user = (kc.users?.find((u) => u.name === ctx?.user) ?? kc.users?.[0])?.user;
  if (!cluster?.server) throw new Error('the kubeconfig names no cluster server');
  const access: ClusterAccess = { server: cluster.server.replace(/\/+$/, '') };
  const ca = b64(cluster['certificate-authority-data']);
  const cert = b64(user?.['client-certificate-data']);
  const key = b64(user?.['client-key-data']);
  if (ca) access.ca = ca;
  if (cert) access.cert = cert;
  if (key) access.key = key;
  if (user?.token) access.token = user.token;
  return access;
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

const FAILED_REASONS = /Failed$|RetriesExceeded|ArtifactFailed|TestFailed/;

/** A HelmRelease object's state: Ready=True ready, Ready=False with a *Failed reason failed. */
export function helmReleaseState(obj: unknown): HelmReleaseStatus {
  const o = (obj ?? {}) as {
    metadata?: { name?: string; namespace?: string };
    status?: { conditions?: Condition[] };
  };
  const ready = o.status?.conditions?.find((c) => c.type === 'Ready');
  const state: ReleaseState =
    ready?.status === 'True'
      ? 'ready'
      : ready?.status === 'False' && FAILED_REASONS.test(ready.reason ?? '')
        ? 'failed'
        : 'installing';
  return {
    name: o.metadata?.name ?? '',
    namespace: o.metadata?.namespace ?? '',
    state,
    message: (ready?.message || ready?.reason || 'waiting for Flux').replace(/\s+/g, ' ').trim(),
  };
}

export const HELMRELEASE_WATCH_PATH = '/apis/helm.toolkit.fluxcd.io/v2/helmreleases?watch=1';

/** The ClusterWatcher over the Kubernetes watch HTTP API. */
export class HttpClusterWatcher implements ClusterWatcher {
  constructor(private readonly access: ClusterAccess) {}

  watch(
    signal: AbortSignal,
    onEvent: (type: WatchEventType, release: HelmReleaseStatus) => void,
  ): Promise<void> {
    const url = new URL(`${this.access.server}${HELMRELEASE_WATCH_PATH}`);
    const client = url.protocol === 'https:' ? https : http;
    const { ca, cert, key, token } = this.access;
    return new Promise((resolve, reject) => {
      const req = client.get(
        url,
        {
          signal,
          headers: {
            accept: 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(url.protocol === 'https:' ? { ca, cert, key } : {}),
        },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            reject(
              new Error(`the cluster API answered ${res.statusCode} to the HelmRelease watch`),
            );
            return;
          }
          const lines = createInterface({ input: res });
          // readline re-emits its input's errors; the response's own listener below handles them.
          lines.on('error', () => undefined);
          lines.on('line', (line) => {
            if (line.trim() === '') return;
            const ev = JSON.parse(line) as { type?: string; object?: unknown };
            if (ev.type === 'ADDED' || ev.type === 'MODIFIED' || ev.type === 'DELETED') {
              onEvent(ev.type, helmReleaseState(ev.object));
            }
          });
          res.once('end', () => resolve());
          res.on('error', (err) => (signal.aborted ? resolve() : reject(err)));
        },
      );
      req.on('error', (err) => (signal.aborted ? resolve() : reject(err)));
    });
  }
}
