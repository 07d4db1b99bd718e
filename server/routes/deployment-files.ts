// What a deployment can be downloaded as: its manifest (YAML or JSON, never with secrets) and its
// GitOps tree as a .tar.gz (the same files the pipeline commits).
import { createGzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import tar from 'tar-stream';
import { renderFluxTree } from '../../src/shared/lib/flux/render-flux-tree';
import { serializeManifest } from '../../src/shared/lib/manifest-io';
import type { DeploymentRow, Repository } from '../db/repository';
import { parseStoredManifest } from '../stored-manifest';
import { buildTofuInputs, TFVARS_PATH } from '../tofu-inputs';

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

/** Streams the GitOps tree (Flux files + OpenTofu inputs) as a gzip'd tar. */
export async function sendGitopsArchive(repo: Repository, row: DeploymentRow, reply: FastifyReply) {
  const manifest = parseStoredManifest(row);
  const files = [
    ...renderFluxTree(manifest),
    {
      path: TFVARS_PATH,
      content: (await repo.getArtifact(row.id, TFVARS_PATH)) ?? buildTofuInputs(manifest),
    },
  ];
  const pack = tar.pack();
  const mtime = new Date(row.createdAt);
  for (const f of files) {
    pack.entry({ name: `${row.name}/${f.path}`, mode: 0o644, mtime }, f.content);
  }
  pack.finalize();
  reply.header('content-disposition', `attachment; filename="${row.name}-gitops.tar.gz"`);
  return reply.type('application/gzip').send(pack.pipe(createGzip()));
}
