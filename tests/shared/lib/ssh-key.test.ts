import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sshFingerprint } from '../../../src/shared/lib/ssh-fingerprint';
import { parseSshPublicKey, type SshKeyResult } from '../../../src/shared/lib/ssh-key';

/** The parse result with the blob replaced by its fingerprint, as the wizard shows it. */
const shown = (r: SshKeyResult) =>
  r.ok
    ? { ok: true, key: { ...r.key, blob: undefined, fingerprint: sshFingerprint(r.key.blob) } }
    : r;

// Generated once with `ssh-keygen -t ed25519|rsa`; fingerprints are what `ssh-keygen -lf` printed.
const ED25519 =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJpYtvyzoe97z8JKXOWRq7AQ3MM7jYHWgou6hwWqffZ/ ops@acme';
const ED25519_FP = 'SHA256:tNjrFh4iIpL33QUBmvMGnpu2HHpliX+wbNOYf3U/g9o';
const RSA_3072 =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCfMCNiuYX6WrhmqMxQRS5AvJQxsFoFWF1dWswYRT4fNyn7Rv1j6FBi0DNA0SXrZ00tBJyA2kgu2SA5wFoyr6XSnaU4xm1RDLJh9bpjOpXYHzN6oKlO1pLixLx/xfz059IIVlai3Y9UzmPtn+QBQKgoIFl32Wvvfwvxzw9iaF3kHi1e1PjWpI4tGRWagE69mHVL3tTpyFLvVFHrpNUTnIHz6y8yY/e7ms19HDggGOOvBgnJO3xiHtGbBDSilC0nlqFJ+hZ1/hOGz7vuVbo/fwTgKzcbs7SqbnzTf/QDcvfYiOJyCCVtst3Ve8KLUkGHtaZ4XqTHCRdcM1w0sXtOpNz8V4Id6bomMASrVAUAwwS5UrEYaf10jf9KPOY/G41WMd7PbIHNl7lI0oTDzxXgQFRhZEgxhX1xIjq2aukuqHhSWC8YIw+SKimHLGDOWbcjDTU3CsrAsvmCyn1v+gsZsjyvwxbXlnM+DeTzcR7STVdM4Ewrl4RXKKn5t6tCXso2jCc= rsa@acme';
const RSA_3072_FP = 'SHA256:GbJ6/vy87oGpqz2eQ+GRTxJidE0UqylndHJfxIkr7t4';
const RSA_1024 =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC8VN1c8ODGeSGXpPIuugwB866hn7KZ2xIH0SuKFaZVR4KpjetMauUNQEyaxvPVy6UrTKzwN+aEH5Ux6KGg+LU6bPfrPAu6U7OBCD/JyIIQ47pommO2jNyFpUv6Y/YLCvWRN5DK/EKqMS+aos+HN6u4GpxnO5Ya+klG7gQFZxAPDw== root@vm';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const sshString = (b: Uint8Array | string) => {
  const bytes = typeof b === 'string' ? Buffer.from(b) : Buffer.from(b);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
};
const mpint = (b: Buffer) => sshString(b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
const expectedFp = (blob: Buffer) =>
  `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;

function opensshEd25519(): { line: string; blob: Buffer } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(raw)]);
  return { line: `ssh-ed25519 ${blob.toString('base64')} me@laptop`, blob };
}

function opensshRsa(bits: number): { line: string; blob: Buffer } {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const jwk = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([
    sshString('ssh-rsa'),
    mpint(Buffer.from(jwk.e!, 'base64url')),
    mpint(Buffer.from(jwk.n!, 'base64url')),
  ]);
  return { line: `ssh-rsa ${blob.toString('base64')}`, blob };
}

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('hashes the FIPS 180-2 vector %j', (input, digest) => {
    expect(hex(sha256(new TextEncoder().encode(input)))).toBe(digest);
  });

  it('matches node:crypto on random inputs of every length around the block edges', () => {
    for (const len of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4099]) {
      const data = randomBytes(len);
      expect(hex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });
});

describe('parseSshPublicKey', () => {
  it('parses an ed25519 key as ssh-keygen does', () => {
    expect(shown(parseSshPublicKey(ED25519))).toEqual({
      ok: true,
      key: {
        type: 'ssh-ed25519',
        bits: 256,
        comment: 'ops@acme',
        blob: undefined,
        fingerprint: ED25519_FP,
      },
    });
  });

  it('parses a 3072-bit RSA key as ssh-keygen does', () => {
    expect(shown(parseSshPublicKey(`  ${RSA_3072}\n`))).toEqual({
      ok: true,
      key: {
        type: 'ssh-rsa',
        bits: 3072,
        comment: 'rsa@acme',
        blob: undefined,
        fingerprint: RSA_3072_FP,
      },
    });
  });

  it('accepts freshly generated keys and fingerprints them like node:crypto', () => {
    const ed = opensshEd25519();
    const rsa = opensshRsa(2048);
    const edResult = shown(parseSshPublicKey(ed.line));
    const rsaResult = shown(parseSshPublicKey(rsa.line));
    expect(edResult).toMatchObject({ ok: true, key: { fingerprint: expectedFp(ed.blob) } });
    expect(rsaResult).toMatchObject({
      ok: true,
      key: { bits: 2048, comment: '', fingerprint: expectedFp(rsa.blob) },
    });
  });

  it.each([
    ['', 'paste a public key'],
    ['ssh-dss AAAAB3NzaC1kc3M=', 'not supported'],
    ['ssh-ed25519 not*base64', 'not valid base64'],
    [ED25519.replace('ssh-ed25519', 'ssh-rsa'), 'does not hold a ssh-rsa key'],
    [RSA_1024, 'has 1024 bits; use at least 2048'],
  ])('rejects %j', (line, error) => {
    const r = parseSshPublicKey(line);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(error);
  });

  it('rejects an ed25519 blob of the wrong length', () => {
    const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(randomBytes(31))]);
    expect(parseSshPublicKey(`ssh-ed25519 ${blob.toString('base64')}`)).toEqual({
      ok: false,
      error: 'the ed25519 key is not 32 bytes',
    });
  });

  it('rejects a truncated blob', () => {
    const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(randomBytes(32))]);
    const cut = blob.subarray(0, 40);
    const b64 = cut.toString('base64');
    expect(parseSshPublicKey(`ssh-ed25519 ${b64}`).ok).toBe(false);
  });
});
