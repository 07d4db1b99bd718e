// Writes a deployment's downloads (server/deployments-service.ts makes them): the manifest (YAML or
// JSON, never with secrets) inline, the GitOps tree (.tar.gz) as an attachment.
import type { FastifyReply } from 'fastify';
import type { Download } from '../deployments-service';

/** Sends a download with its media type and a Content-Disposition naming the file. */
export function sendDownload(
  reply: FastifyReply,
  file: Download,
  disposition: 'inline' | 'attachment' = 'attachment',
) {
  reply.header('content-disposition', `${disposition}; filename="${file.filename}"`);
  return reply.type(file.type).send(file.body);
}
