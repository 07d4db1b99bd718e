// The manifest's check of one component's `settings` and `values`: each setting against its
// field (range, pattern, kind) with the field's path, and no secret in the advanced values.
import type { ComponentId } from '../../constants/components';
import { isPlainObject } from '../component-settings';
import { settingsProblems } from '../../schemas/component-settings';
import type { ManifestProblem as Problem } from '../../schemas/manifest';

const SECRET_KEY = /pass(word|wd)?$|secret$|token$|api[-_]?key$|private[-_]?key$/i;
const REFERENCE_KEY = /^existingSecret|Secret(Name|Ref)?$|^secretName$|Key$/;

/** Keys of the advanced values that hold a literal secret (a string under a secret-like key). */
function literalSecrets(v: unknown, path: string, out: Problem[]): void {
  if (Array.isArray(v)) v.forEach((x, i) => literalSecrets(x, `${path}[${i}]`, out));
  if (!isPlainObject(v)) return;
  for (const [k, x] of Object.entries(v)) {
    const p = `${path}.${k}`;
    if (typeof x === 'string' && x !== '' && SECRET_KEY.test(k) && !REFERENCE_KEY.test(k))
      out.push({
        path: p,
        message: `"${k}" looks like a secret: secrets are never values, use a secretRef`,
      });
    else literalSecrets(x, p, out);
  }
}

/** Problems of `spec.components[i].settings` and `.values` (paths under `at`). */
export function componentConfigProblems(
  id: ComponentId,
  entry: Record<string, unknown>,
  at: string,
): Problem[] {
  const out: Problem[] = [];
  if (isPlainObject(entry.settings)) {
    for (const p of settingsProblems(id, entry.settings))
      out.push({ path: p.key ? `${at}.settings.${p.key}` : `${at}.settings`, message: p.message });
  }
  if (isPlainObject(entry.values)) literalSecrets(entry.values, `${at}.values`, out);
  return out;
}
