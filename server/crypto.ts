// Secrets at rest: AES-256-GCM with a 96-bit random IV per value and the row identity as
// additional authenticated data, so a ciphertext cannot be moved to another deployment or name.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export interface SealedSecret {
  ciphertext: Buffer;
  iv: Buffer;
  tag: Buffer;
}

export const KEY_FILE = 'secret.key';

function readKeyFile(file: string): Buffer {
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new Error(`${file} is readable by other users; run \`chmod 600 ${file}\``);
  }
  return key;
}

/** The key from CATALYST_SECRET_KEY, else DATA_DIR/secret.key (created with mode 0600). */
export function loadOrCreateKey(dataDir: string, fromEnv: Buffer | undefined): Buffer {
  if (fromEnv) return fromEnv;
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, KEY_FILE);
  try {
    const fd = openSync(file, 'wx', 0o600);
    const key = randomBytes(32);
    try {
      writeSync(fd, key.toString('base64') + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readKeyFile(file);
  }
}

const aad = (deploymentId: string, name: string) => Buffer.from(`${deploymentId}\0${name}`);

/** Encrypts one secret value for (deployment, name). */
export function sealSecret(
  key: Buffer,
  deploymentId: string,
  name: string,
  value: string,
): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(deploymentId, name));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return { ciphertext, iv, tag: cipher.getAuthTag() };
}

/** Decrypts one secret; throws when the key, row identity or bytes do not match. */
export function openSecret(
  key: Buffer,
  deploymentId: string,
  name: string,
  sealed: SealedSecret,
): string {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(aad(deploymentId, name));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
}

/** A keyed digest of a request (HMAC-SHA256), so stored hashes reveal nothing about secrets. */
export function requestDigest(key: Buffer, canonical: string): string {
  return createHmac('sha256', key).update('request\0').update(canonical).digest('hex');
}
