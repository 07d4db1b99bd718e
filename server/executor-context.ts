// The ExecutorContext the pipeline hands an executor: the deployment, its commit, the cancel signal,
// its secrets (decrypted on demand), the repository's read token, a store for the run's artifacts
// (sensitive ones sealed with AES-256-GCM like the submitted secrets) and guarded progress reports.
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import { RUN_END_STATUSES } from '../src/shared/schemas/api';
import { openSecret, sealSecret } from './crypto';
import type { Repository } from './db/repository';
import type { ExecutorContext } from './executor-types';
import { gitReadToken } from './git-credentials';
import { repoPath } from './git';
import { callbackToken } from './tofu/callback';

/** The reason a pipeline's close() aborts its runs with: stop, but leave the deployment to resume. */
export const SHUTDOWN = 'shutdown';

/** Artifact name of a sealed (sensitive) artifact. */
export const sealedArtifact = (name: string) => `sealed/${name}`;

/** Reads a sealed artifact back (tests, and whatever later uses a stored kubeconfig). */
export async function openArtifact(
  repo: Repository,
  key: Buffer,
  id: string,
  name: string,
): Promise<string | undefined> {
  const raw = await repo.getArtifact(id, sealedArtifact(name));
  if (raw === undefined) return undefined;
  const s = JSON.parse(raw) as { iv: string; tag: string; ciphertext: string };
  return openSecret(key, id, `artifact:${name}`, {
    iv: Buffer.from(s.iv, 'base64'),
    tag: Buffer.from(s.tag, 'base64'),
    ciphertext: Buffer.from(s.ciphertext, 'base64'),
  });
}

/** Stores a sensitive artifact sealed with AES-256-GCM (the kubeconfig callback uses it too). */
export async function storeSealedArtifact(
  repo: Repository,
  key: Buffer,
  id: string,
  name: string,
  content: string,
): Promise<void> {
  const s = sealSecret(key, id, `artifact:${name}`, content);
  const sealed = {
    iv: s.iv.toString('base64'),
    tag: s.tag.toString('base64'),
    ciphertext: s.ciphertext.toString('base64'),
  };
  await repo.putArtifact(id, sealedArtifact(name), JSON.stringify(sealed));
}

export function executorContext(deps: {
  repo: Repository;
  dataDir: string;
  secretKey: Buffer;
  owner: string;
  id: string;
  manifest: SovereignManifest;
  commitSha: string | null;
  signal: AbortSignal;
}): ExecutorContext {
  const { repo, id, secretKey } = deps;
  const name = deps.manifest.metadata.name;
  return {
    deploymentId: id,
    sovereign: name,
    manifest: deps.manifest,
    commitSha: deps.commitSha,
    gitRepo: repoPath(deps.dataDir, name),
    signal: deps.signal,
    isCancelled: async () => (await repo.getDeployment(id))?.status === 'cancelled',
    secrets: async () => {
      const out: Record<string, Record<string, string>> = {};
      for (const [secret, sealed] of await repo.getSecrets(id)) {
        out[secret] = JSON.parse(openSecret(secretKey, id, secret, sealed)) as Record<
          string,
          string
        >;
      }
      return out;
    },
    gitopsToken: () => gitReadToken(secretKey, name),
    store: async (artifact, content, opts) => {
      if (!opts?.sensitive) return repo.putArtifact(id, artifact, content);
      return storeSealedArtifact(repo, secretKey, id, artifact, content);
    },
    load: (artifact, opts) =>
      opts?.sensitive
        ? openArtifact(repo, secretKey, id, artifact)
        : repo.getArtifact(id, artifact),
    callbackToken: (cluster) => callbackToken(secretKey, id, cluster),
    report: async (events, s, m) => {
      // After the plan the status may leave ready-to-apply, but never an end of the run.
      const expect = { leaseOwner: deps.owner, notIn: RUN_END_STATUSES };
      await repo.appendEvents(id, events, s ? { status: s, statusMessage: m, expect } : { expect });
    },
  };
}
