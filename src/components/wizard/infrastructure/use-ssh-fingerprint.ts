import { useEffect, useState } from 'react';

/** The fingerprint of a parsed key's blob, once its SHA-256 module has loaded (null before). */
export function useSshFingerprint(blob: Uint8Array | undefined): string | null {
  const [done, setDone] = useState<{ blob: Uint8Array; fingerprint: string } | null>(null);
  useEffect(() => {
    if (!blob) return;
    let live = true;
    void import('../../../shared/lib/ssh-fingerprint').then(({ sshFingerprint }) => {
      if (live) setDone({ blob, fingerprint: sshFingerprint(blob) });
    });
    return () => {
      live = false;
    };
  }, [blob]);
  return blob && done?.blob === blob ? done.fingerprint : null;
}
