// The git smart HTTP routes (read-only; their handler is server/routes/git.ts), documented in the
// route table API in server/api-spec.ts.
import * as z from 'zod';
import { SOVEREIGN_NAME_PATTERN } from '../src/shared/constants/domain';
import type { ResponseSpec, RouteSpec } from './api-spec-types';

const gitError = (description: string): ResponseSpec => ({
  description,
  content: { 'text/plain': z.string() },
});
/** Responses every git smart HTTP route shares. */
const gitRefusals = {
  '401': gitError(
    'Missing or wrong read token (`WWW-Authenticate: Basic realm="catalyst-gitops"`)',
  ),
  '403': gitError('Any service but git-upload-pack: the repository is read-only'),
  '404': gitError('Unknown Sovereign or malformed name'),
};

const gitParams = z.object({
  name: z
    .string()
    .regex(SOVEREIGN_NAME_PATTERN)
    .describe('The Sovereign name (the path segment is `<name>.git`)'),
});

/** The git routes, keyed by their operationId; their paths are the documented ones (`{name}`). */
export const GIT_ROUTES = {
  gitInfoRefs: {
    method: 'GET',
    url: '/git/{name}.git/info/refs',
    summary: 'git smart HTTP ref advertisement (read-only)',
    auth: 'gitReadToken',
    params: gitParams,
    query: z.object({ service: z.enum(['git-upload-pack']) }),
    responses: {
      '200': {
        description: 'pkt-lines',
        content: { 'application/x-git-upload-pack-advertisement': null },
      },
      ...gitRefusals,
    },
  },
  gitUploadPack: {
    method: 'POST',
    url: '/git/{name}.git/git-upload-pack',
    summary: 'git smart HTTP fetch round (gzip Content-Encoding accepted; 1 MiB at most)',
    auth: 'gitReadToken',
    params: gitParams,
    body: { 'application/x-git-upload-pack-request': null },
    responses: {
      '200': {
        description: 'pkt-lines, often a pack',
        content: { 'application/x-git-upload-pack-result': null },
      },
      ...gitRefusals,
      '413': gitError('Request larger than 1 MiB (compressed or not)'),
      '415': gitError('Other media type or Content-Encoding'),
    },
  },
} as const satisfies Record<string, RouteSpec>;
