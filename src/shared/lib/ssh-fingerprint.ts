// The fingerprint of an OpenSSH public key as `ssh-keygen -lf` prints it: 'SHA256:' + base64 of
// the key blob's digest, without padding. Its own module so the SHA-256 (@noble/hashes; WebCrypto's
// digest is async and absent on plain http) loads only when a key is there to fingerprint.
import { sha256 } from '@noble/hashes/sha2.js';

export { sha256 };

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function sshFingerprint(blob: Uint8Array): string {
  return `SHA256:${toBase64(sha256(blob)).replace(/=+$/, '')}`;
}
