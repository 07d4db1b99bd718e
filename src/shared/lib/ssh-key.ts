// OpenSSH public keys (`ssh-ed25519 AAAA… comment`, `ssh-rsa AAAA… comment`): parsed and
// fingerprinted in the browser, synchronously, so the Infrastructure step can show the
// fingerprint as the user types and reject a key that would not let them log in.

/** A parsed OpenSSH public key. */
export interface SshPublicKey {
  type: 'ssh-ed25519' | 'ssh-rsa';
  bits: number;
  comment: string;
  /** As `ssh-keygen -lf` prints it: 'SHA256:' + base64 of the blob's digest, without padding. */
  fingerprint: string;
}

export type SshKeyResult = { ok: true; key: SshPublicKey } | { ok: false; error: string };

const SUPPORTED = ['ssh-ed25519', 'ssh-rsa'] as const;
const MIN_RSA_BITS = 2048;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

function compress(h: Uint32Array, w: Uint32Array): void {
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15]!;
    const b = w[i - 2]!;
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let [a, b, c, d, e, f, g, hh] = Array.from(h) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  for (let i = 0; i < 64; i++) {
    const t1 =
      (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = (h[i]! + v) | 0));
}

/** SHA-256 of bytes, synchronously (WebCrypto's digest is async and absent on plain http). */
export function sha256(data: Uint8Array): Uint8Array {
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bitLength = data.length * 8;
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const w = new Uint32Array(64);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    compress(h, w);
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setUint32(i * 4, v));
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

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
  const fingerprint = `SHA256:${toBase64(sha256(blob)).replace(/=+$/, '')}`;
  return {
    ok: true,
    key: {
      type: type as SshPublicKey['type'],
      bits: checked,
      comment: rest.join(' '),
      fingerprint,
    },
  };
}
