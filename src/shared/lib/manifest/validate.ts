// Validation of a Sovereign manifest: its shape (schemas/manifest.ts) and what the shape cannot
// say (catalog ids, dependencies, install order, and the wizard's own field rules, reused through
// the draft so each rule is written once, their problems placed by the field map).
import { getComponent, isComponentId, type ComponentId } from '../../constants/components';
import {
  sovereignManifestSchema,
  type ManifestProblem,
  type SovereignManifest,
} from '../../schemas/manifest';
import { CATALOG_INDEX } from '../catalog-graph';
import { validateDraft } from '../draft';
import { draftFromManifest } from './build';
import { componentConfigProblems } from './component-config';
import { manifestPathOfDraftPath } from './field-map';

export type ManifestValidation =
  { ok: true; manifest: SovereignManifest } | { ok: false; problems: ManifestProblem[] };

/** Formats a zod/JS path as `a.b[3].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function componentProblems(spec: Record<string, unknown>): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const list = Array.isArray(spec.components) ? spec.components : [];
  const listed = new Map<ComponentId, number>();
  list.forEach((entry, i) => {
    const id = isRecord(entry) ? entry.id : undefined;
    if (typeof id !== 'string') return;
    const at = `spec.components[${i}]`;
    if (!isComponentId(id)) {
      problems.push({ path: `${at}.id`, message: `unknown component "${id}"` });
    } else if (listed.has(id)) {
      problems.push({ path: `${at}.id`, message: `component "${id}" is listed twice` });
    } else listed.set(id, i);
  });
  for (const [id, i] of listed) {
    const def = getComponent(id);
    const entry = list[i] as Record<string, unknown>;
    const at = `spec.components[${i}]`;
    for (const p of componentConfigProblems(id, entry, at)) problems.push(p);
    for (const dep of def.dependsOn) {
      if (!listed.has(dep))
        problems.push({ path: at, message: `"${id}" needs "${dep}", which is not in the list` });
    }
    if (entry.reason === 'mandatory' && def.tier !== 'mandatory')
      problems.push({ path: `${at}.reason`, message: `"${id}" is not a mandatory component` });
    if (entry.reason !== 'mandatory' && def.tier === 'mandatory')
      problems.push({
        path: `${at}.reason`,
        message: `"${id}" is mandatory: reason must be "mandatory"`,
      });
    if (
      (entry.reason === 'dependency' || entry.reason === 'locked') &&
      !(CATALOG_INDEX.dependents.get(id) ?? []).some((d) => listed.has(d))
    )
      problems.push({
        path: `${at}.reason`,
        message: `no listed component needs "${id}": reason must be "chosen"`,
      });
    if (def.chart === null && entry.version !== null && entry.version !== undefined)
      problems.push({
        path: `${at}.version`,
        message: `"${id}" has no published chart: version must be null`,
      });
    if (def.chart !== null && entry.version === null)
      problems.push({
        path: `${at}.version`,
        message: `"${id}" needs a chart version (catalog: ${def.chart.version})`,
      });
  }
  if (Array.isArray(spec.components)) {
    for (const id of CATALOG_INDEX.mandatory) {
      if (!listed.has(id))
        problems.push({
          path: 'spec.components',
          message: `mandatory component "${id}" is missing`,
        });
    }
  }
  return [...problems, ...installOrderProblems(spec.installOrder, listed)];
}

function installOrderProblems(
  order: unknown,
  listed: ReadonlyMap<ComponentId, number>,
): ManifestProblem[] {
  if (!Array.isArray(order)) return [];
  const problems: ManifestProblem[] = [];
  const position = new Map<string, number>();
  order.forEach((id, i) => {
    if (typeof id !== 'string') return;
    if (position.has(id))
      problems.push({ path: `spec.installOrder[${i}]`, message: `"${id}" is listed twice` });
    else position.set(id, i);
    if (!listed.has(id as ComponentId))
      problems.push({
        path: `spec.installOrder[${i}]`,
        message: `"${id}" is not in spec.components`,
      });
  });
  for (const id of listed.keys()) {
    const at = position.get(id);
    if (at === undefined) {
      problems.push({ path: 'spec.installOrder', message: `"${id}" is missing` });
      continue;
    }
    for (const dep of getComponent(id).dependsOn) {
      const depAt = position.get(dep);
      if (depAt !== undefined && depAt > at)
        problems.push({
          path: `spec.installOrder[${at}]`,
          message: `"${id}" comes before its dependency "${dep}"`,
        });
    }
  }
  return problems;
}

function dnsProblems(dns: SovereignManifest['spec']['dns']): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  if (dns.mode === 'pool') {
    if (!dns.poolDomain)
      problems.push({ path: 'spec.dns.poolDomain', message: 'required in pool mode' });
    if (dns.subdomain === undefined)
      problems.push({ path: 'spec.dns.subdomain', message: 'required in pool mode' });
    if (dns.poolDomain && dns.subdomain && dns.domain !== `${dns.subdomain}.${dns.poolDomain}`)
      problems.push({
        path: 'spec.dns.domain',
        message: `must be "${dns.subdomain}.${dns.poolDomain}" (subdomain.poolDomain)`,
      });
  }
  if (dns.mode === 'byo-api') {
    if (!dns.registrar)
      problems.push({ path: 'spec.dns.registrar', message: 'required in byo-api mode' });
    if (!dns.registrarSecretRef)
      problems.push({ path: 'spec.dns.registrarSecretRef', message: 'required in byo-api mode' });
  }
  return problems;
}

/** Validates anything against the manifest contract; every problem names its path, never throws. */
export function validateManifest(input: unknown): ManifestValidation {
  const parsed = sovereignManifestSchema.safeParse(input);
  const problems: ManifestProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const spec = isRecord(input) && isRecord(input.spec) ? input.spec : undefined;
  // Loops, not push(...list): spreading 100k+ problems as arguments overflows the stack.
  if (spec) for (const p of componentProblems(spec)) problems.push(p);
  if (parsed.success) {
    const m = parsed.data;
    for (const p of dnsProblems(m.spec.dns)) problems.push(p);
    const fieldErrors = validateDraft(draftFromManifest(m)).filter((e) => e.step !== 'components');
    for (const e of fieldErrors)
      problems.push({ path: manifestPathOfDraftPath(e.path), message: e.message });
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return unique.length === 0 && parsed.success
    ? { ok: true, manifest: parsed.data }
    : { ok: false, problems: unique };
}
