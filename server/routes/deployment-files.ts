// What a deployment can be downloaded as: its manifest (YAML or JSON, never with secrets) and its
// GitOps tree as a .tar.gz (the tree of the commit the pipeline made).
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { serializeManifest } from '../../src/shared/lib/manifest-io';
import type { DeploymentRow } from '../db/repository';
import { ApiError } from '../errors';
import { archiveCommit, repoPath } from '../git';
import { parseStoredManifest } from '../stored-manifest';

/** The URLs of a deployment's resources. */
export function deploymentLinks(id: string) {
  const self = `/api/v1/deployments/${id}`;
  return {
    self,
    events: `${self}/events`,
    manifest: `${self}/manifest`,
    gitops: `${self}/gitops`,
  };
}

function wantsJson(req: FastifyRequest): boolean {
  const q = (req.query as Record<string, unknown>).format;
  if (q === 'json') return true;
  if (q === 'yaml') return false;
  const accept = req.headers.accept ?? '';
  return /application\/json/i.test(accept) && !/yaml/i.test(accept);
}

/** Sends the manifest as YAML (default) or JSON (Accept: application/json or ?format=json). */
export function sendManifest(row: DeploymentRow, req: FastifyRequest, reply: FastifyReply) {
  const manifest = parseStoredManifest(row);
  const json = wantsJson(req);
  const text = serializeManifest(manifest, json ? 'json' : 'yaml', { includeSecrets: false });
  reply.header('vary', 'Accept');
  reply.header(
    'content-disposition',
    `inline; filename="${row.name}.sovereign.${json ? 'json' : 'yaml'}"`,
  );
  return reply.type(json ? 'application/json' : 'application/yaml; charset=utf-8').send(text);
}

/**
 * Sends the GitOps tree exactly as the pipeline committed it (`git archive` of the deployment's
 * commit, under `<name>/`) as a gzip'd tar; 409 `not_committed` until that commit exists.
 */
export async function sendGitopsArchive(dataDir: string, row: DeploymentRow, reply: FastifyReply) {
  if (!row.commitSha) {
    throw new ApiError(
      409,
      'not_committed',
      `The GitOps tree of this deployment is not committed yet (status ${row.status})`,
    );
  }
  const tarball = await archiveCommit(repoPath(dataDir, row.name), row.commitSha, `${row.name}/`);
  reply.header('content-disposition', `attachment; filename="${row.name}-gitops.tar.gz"`);
  return reply.type('application/gzip').send(gzipSync(tarball));
}
