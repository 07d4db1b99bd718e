// OpenSSH public keys (`ssh-ed25519 AAAA… comment`, `ssh-rsa AAAA… comment`): parsed in the
// browser, synchronously, so the Infrastructure step rejects a key that would not let the user
// log in as they type. The fingerprint is ssh-fingerprint.ts (its SHA-256 loads on demand).
import { isPrivateKey } from './private-key';

/** A parsed OpenSSH public key. */
export interface SshPublicKey {
  type: 'ssh-ed25519' | 'ssh-rsa';
  bits: number;
  comment: string;
  /** The decoded key blob, what the fingerprint is the digest of (see ssh-fingerprint.ts). */
  blob: Uint8Array;
}

export type SshKeyResult = { ok: true; key: SshPublicKey } | { ok: false; error: string };

const SUPPORTED = ['ssh-ed25519', 'ssh-rsa'] as const;
const MIN_RSA_BITS = 2048;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null;
  const s = atob(text);
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

/** Reads the SSH wire format's length-prefixed strings (RFC 4251 §5). */
function readStrings(blob: Uint8Array): Uint8Array[] | null {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const parts: Uint8Array[] = [];
  let off = 0;
  while (off < blob.length) {
    if (off + 4 > blob.length) return null;
    const len = view.getUint32(off);
    off += 4;
    if (off + len > blob.length) return null;
    parts.push(blob.subarray(off, off + len));
    off += len;
  }
  return parts;
}

/** The bit length of an unsigned big-endian integer (an mpint without its sign byte). */
function bitLength(mpint: Uint8Array): number {
  let i = 0;
  while (i < mpint.length && mpint[i] === 0) i++;
  if (i === mpint.length) return 0;
  return (mpint.length - i - 1) * 8 + (32 - Math.clz32(mpint[i]!));
}

function checkBlob(type: (typeof SUPPORTED)[number], parts: Uint8Array[]): string | number {
  if (type === 'ssh-ed25519') {
    if (parts.length !== 2 || parts[1]!.length !== 32) return 'the ed25519 key is not 32 bytes';
    return 256;
  }
  if (parts.length !== 3) return 'the RSA key is malformed';
  const bits = bitLength(parts[2]!);
  if (bits < MIN_RSA_BITS) return `the RSA key has ${bits} bits; use at least ${MIN_RSA_BITS}`;
  return bits;
}

/** Parses one OpenSSH public key line; the error says what is wrong in words a user can act on. */
export function parseSshPublicKey(text: string): SshKeyResult {
  if (isPrivateKey(text)) return { ok: false, error: 'this is a private key; paste the .pub file' };
  const [type = '', data = '', ...rest] = text.trim().split(/\s+/);
  if (!type) return { ok: false, error: 'paste a public key such as ssh-ed25519 AAAA… you@host' };
  if (!(SUPPORTED as readonly string[]).includes(type)) {
    return {
      ok: false,
      error: `"${type.slice(0, 20)}" is not supported; use ssh-ed25519 or ssh-rsa`,
    };
  }
  const blob = fromBase64(data);
  if (!blob) return { ok: false, error: 'the key data is not valid base64' };
  const parts = readStrings(blob);
  const embedded = parts?.[0] ? new TextDecoder().decode(parts[0]) : '';
  if (!parts || embedded !== type) {
    return { ok: false, error: `the key data does not hold a ${type} key` };
  }
  const checked = checkBlob(type as (typeof SUPPORTED)[number], parts);
  if (typeof checked === 'string') return { ok: false, error: checked };
  return {
    ok: true,
    key: {
      type: type as SshPublicKey['type'],
      bits: checked,
      comment: rest.join(' '),
      blob,
    },
  };
}
