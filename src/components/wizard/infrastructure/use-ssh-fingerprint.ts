import { useEffect, useState } from 'react';
import type { SshPublicKey } from '../../../shared/lib/ssh-key';

/** A parsed key and its fingerprint (`ssh-keygen -lf`), or the parse's error. */
export type SshKeyInfo =
  { ok: true; key: SshPublicKey; fingerprint: string } | { ok: false; error: string };

// The parser and SHA-256 load on demand: the first page never needs them before a key is typed.
let modules:
  | Promise<
      [
        typeof import('../../../shared/lib/ssh-key'),
        typeof import('../../../shared/lib/ssh-fingerprint'),
      ]
    >
  | undefined;
const load = () =>
  (modules ??= Promise.all([
    import('../../../shared/lib/ssh-key'),
    import('../../../shared/lib/ssh-fingerprint'),
  ]));

/** What a typed SSH public key is, once its code has loaded; null before that and for no key. */
export function useSshKey(text: string): SshKeyInfo | null {
  const [done, setDone] = useState<{ text: string; info: SshKeyInfo } | null>(null);
  const present = text.trim() !== '';
  useEffect(() => {
    if (!present) return;
    let live = true;
    void load().then(([{ parseSshPublicKey }, { sshFingerprint }]) => {
      const parsed = parseSshPublicKey(text);
      const info: SshKeyInfo = parsed.ok
        ? { ok: true, key: parsed.key, fingerprint: sshFingerprint(parsed.key.blob) }
        : parsed;
      if (live) setDone({ text, info });
    });
    return () => {
      live = false;
    };
  }, [text, present]);
  return present && done?.text === text ? done.info : null;
}
