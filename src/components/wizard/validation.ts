import { useEffect, useState } from 'react';

type ValidationModule = typeof import('../../shared/lib/draft');

let pending: Promise<ValidationModule> | undefined;
let loaded: ValidationModule | undefined;

/** Loads the zod-based validation once (it is kept out of the first page's bundle). */
export function loadValidation(): Promise<ValidationModule> {
  pending ??= import('../../shared/lib/draft').then((m) => (loaded = m));
  return pending;
}

/** The validation module, or undefined until it has loaded; starts loading on first use. */
export function useValidation(): ValidationModule | undefined {
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (mod) return;
    let live = true;
    void loadValidation().then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}
