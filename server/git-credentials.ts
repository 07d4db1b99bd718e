// Credentials and URLs of the repository a Sovereign's clusters pull their GitOps tree from. The
// read token is derived, never stored: anyone holding the server's secret key can recompute it,
// nobody else can, and it opens only the one Sovereign whose name went into it.
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Config } from './config';
import { remoteUrlFor } from './git';

/** The user name clusters present with their read token (HTTP Basic). */
export const GIT_READ_USERNAME = 'catalyst';

/** HKDF `info` of the token subkey: a version in it lets a later scheme rotate every token at once. */
const SUBKEY_INFO = 'catalyst-bootstrap gitops-read-token v1';

/**
 * The subkey that signs read tokens. Derived with HKDF so the AES key that seals secrets at rest is
 * never used as an HMAC key for a value that leaves the server.
 */
function readTokenKey(secretKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), SUBKEY_INFO, 32));
}

/** The read token of Sovereign `name`: HMAC-SHA256(subkey, "gitops-read:" + name), base64url (43 chars). */
export function gitReadToken(secretKey: Buffer, name: string): string {
  return createHmac('sha256', readTokenKey(secretKey))
    .update(`gitops-read:${name}`)
    .digest('base64url');
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Whether an `Authorization` header carries Basic credentials `catalyst:<read token of name>`.
 * Both parts are compared through equal-length digests, so the time taken does not depend on
 * where a guess differs.
 */
export function basicAuthMatches(
  header: string | undefined,
  secretKey: Buffer,
  name: string,
): boolean {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '');
  const decoded = m?.[1] ? Buffer.from(m[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const user = colon >= 0 ? decoded.slice(0, colon) : '';
  const password = colon >= 0 ? decoded.slice(colon + 1) : '';
  const userOk = timingSafeEqual(digest(user), digest(GIT_READ_USERNAME));
  const passwordOk = timingSafeEqual(digest(password), digest(gitReadToken(secretKey, name)));
  return userOk && passwordOk && colon >= 0;
}

/** Where the bootstrap API serves Sovereign `name`'s repository (no trailing slash on publicUrl). */
export function gitCloneUrl(publicUrl: string, name: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/git/${name}.git`;
}

export type RepositoryServer = 'bootstrap-api' | 'remote';

export interface RepositoryLocation {
  url: string;
  served: RepositoryServer;
}

/** What repositoryUrlFor needs: the public URL resolved to a string, and the optional remote. */
export type RepositoryUrlConfig = Pick<Config, 'gitopsRemoteUrl'> & { publicUrl: string };

/**
 * The URL a new cluster clones Sovereign `name` from: the GITOPS_REMOTE_URL repository when the
 * pipeline pushes there (that remote is then the source of truth), else this API.
 */
export function repositoryUrlFor(config: RepositoryUrlConfig, name: string): RepositoryLocation {
  if (config.gitopsRemoteUrl) {
    return { url: remoteUrlFor(config.gitopsRemoteUrl, name), served: 'remote' };
  }
  return { url: gitCloneUrl(config.publicUrl, name), served: 'bootstrap-api' };
}
