// The one map between the wizard's draft fields and the manifest's paths. Each entry names a
// draft field (`infrastructure.regions.0.workers.count`), the manifest path it becomes
// (`spec.infrastructure.regions[0].workers.count`) and the wizard step it is on. Both directions
// are derived from it: manifestPathOfDraftPath (a draft rule's problem, reported at its manifest
// path) and draftFieldOfManifestPath (a server problem, placed beside its field), together with
// the problem links of manifest paths that are no field of their own (a secretRef, a region).
import type { StepId } from '../../constants/steps';
import type { Problem } from '../../schemas/api';
import { SECRET_REFS } from './build';

/**
 * One wizard field and its manifest path. Patterns are paths in their own spelling (the draft
 * `a.0.b`, the manifest `a[0].b`), with
 * - `{name}`: an index, the same on both sides (`regions.{region}`, `regions[{region}]`);
 * - a trailing `.*`: the (non-empty) rest of a path below, carried over to the other side;
 * - a trailing `.**` (in `also`, or when there is no draft field): this path or any path below it.
 */
export interface FieldLink {
  step: StepId;
  /** The draft field; null: manifest paths on the step that no field holds. */
  draft: string | null;
  /** The field's manifest path: each leads to the other. */
  manifest: string;
  /** More manifest paths whose problems belong on this field (manifest to draft only). */
  also?: readonly string[];
}

const { provider, coldTier, registrar } = SECRET_REFS;

/**
 * The field map. Order matters: the first entry that matches a path wins, so an entry comes before
 * the broader one (`.*`) it is an exception to.
 */
export const FIELD_MAP: readonly FieldLink[] = [
  { step: 'infrastructure', draft: 'infrastructure.sovereignName', manifest: 'metadata.name' },
  {
    step: 'infrastructure',
    draft: 'infrastructure.organization.*',
    manifest: 'spec.organization.*',
  },
  {
    step: 'infrastructure',
    draft: 'infrastructure.regions.{region}.controlPlane.ha',
    manifest: 'spec.infrastructure.regions[{region}].controlPlane.count',
  },
  {
    step: 'infrastructure',
    draft: 'infrastructure.regions.{region}.cloudRegion',
    manifest: 'spec.infrastructure.regions[{region}].cloudRegion',
    also: ['spec.infrastructure.regions[{region}].name'],
  },
  {
    // A problem of the whole region (its nodes too small) is fixed at its worker size.
    step: 'infrastructure',
    draft: 'infrastructure.regions.{region}.workers.size',
    manifest: 'spec.infrastructure.regions[{region}].workers.size',
    also: ['spec.infrastructure.regions[{region}]'],
  },
  {
    step: 'infrastructure',
    draft: 'secrets.providerToken',
    manifest: `secrets.${provider}.token`,
    also: ['spec.infrastructure.credentialsSecretRef.**', `secrets.${provider}.**`],
  },
  { step: 'infrastructure', draft: 'infrastructure.*', manifest: 'spec.infrastructure.*' },
  {
    step: 'storage',
    draft: 'storage.tiers.hotDays',
    manifest: 'spec.storage.tiers[0].maxAgeDays',
    also: ['spec.storage.tiers[0].**'],
  },
  {
    step: 'storage',
    draft: 'storage.tiers.warmDays',
    manifest: 'spec.storage.tiers[1].maxAgeDays',
    also: ['spec.storage.tiers[1].**'],
  },
  {
    step: 'storage',
    draft: 'secrets.coldSecretAccessKey',
    manifest: `secrets.${coldTier}.secretAccessKey`,
    also: [`secrets.${coldTier}.secretAccessKey.**`],
  },
  {
    step: 'storage',
    draft: 'secrets.coldAccessKeyId',
    manifest: `secrets.${coldTier}.accessKeyId`,
    also: ['spec.storage.tiers[2].credentialsSecretRef.**', `secrets.${coldTier}.**`],
  },
  { step: 'storage', draft: 'storage.cold.*', manifest: 'spec.storage.tiers[2].*' },
  { step: 'storage', draft: 'storage.*', manifest: 'spec.storage.*' },
  {
    step: 'dns',
    draft: 'dns.dnssec',
    manifest: 'spec.dns.dnssec.enabled',
    also: ['spec.dns.dnssec.**'],
  },
  {
    step: 'dns',
    draft: 'dns.caSecretName',
    manifest: 'spec.dns.tls.caSecretRef.name',
    also: ['spec.dns.tls.caSecretRef.**'],
  },
  {
    step: 'dns',
    draft: 'dns.tlsIssuer',
    manifest: 'spec.dns.tls.issuer',
    also: ['spec.dns.tls.**'],
  },
  {
    // Any other Secret is the registrar's: its name is the manifest's registrarSecretRef.
    step: 'dns',
    draft: 'secrets.registrarToken',
    manifest: `secrets.${registrar}.token`,
    also: ['spec.dns.registrarSecretRef.**', 'secrets.**'],
  },
  { step: 'dns', draft: 'dns.*', manifest: 'spec.dns.*' },
  {
    step: 'components',
    draft: 'blueprints.pullSecretName',
    manifest: 'spec.blueprints.pullSecretRef.name',
    also: ['spec.blueprints.pullSecretRef.**'],
  },
  {
    step: 'components',
    draft: 'blueprints.registry',
    manifest: 'spec.blueprints.registry',
    also: ['spec.blueprints.**'],
  },
  { step: 'components', draft: null, manifest: 'spec.components.**' },
  { step: 'components', draft: null, manifest: 'spec.installOrder.**' },
];

// ---------------------------------------------------------------------------------------------
// The patterns, compiled once.

type Spelling = 'draft' | 'manifest';

/** What a pattern took from a path: the indices by name and the carried rest, as segments. */
interface Captured {
  indices: Record<string, string>;
  rest: string[];
}

interface Pattern {
  match(path: string): Captured | null;
  render(captured: Captured): string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `a[0].b[1]` as `a.0.b.1`. */
const dotted = (p: string) => p.replace(/\[(\d+)\]/g, '.$1');

/** Path segments in a spelling: the draft `.a.0`, the manifest `.a[0]`. */
const spell = (segments: readonly string[], spelling: Spelling) =>
  segments.map((s) => (spelling === 'manifest' && /^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');

function compile(pattern: string, spelling: Spelling): Pattern {
  const below = pattern.endsWith('.**');
  const carries = !below && pattern.endsWith('.*');
  const body = below ? pattern.slice(0, -3) : carries ? pattern.slice(0, -2) : pattern;
  const parts = body.split(/\{(\w+)\}/);
  const names = parts.filter((_, i) => i % 2 === 1);
  const source = parts.map((p, i) => (i % 2 === 1 ? '(\\d+)' : escapeRegExp(p))).join('');
  // The rest starts with a dot, or (in the manifest) with an index.
  const rest = spelling === 'draft' ? '(\\..+)' : '([.[].+)';
  const re = new RegExp(`^${source}${below ? '(?:$|[.[])' : carries ? `${rest}$` : '$'}`);
  return {
    match(path) {
      const m = re.exec(path);
      if (!m) return null;
      const indices: Record<string, string> = {};
      names.forEach((name, i) => (indices[name] = m[i + 1] ?? ''));
      const tail = carries ? dotted(m[names.length + 1] ?? '') : '';
      return { indices, rest: tail ? tail.slice(1).split('.') : [] };
    },
    render({ indices, rest }) {
      const path = parts.map((p, i) => (i % 2 === 1 ? (indices[p] ?? '') : p)).join('');
      return path + spell(rest, spelling);
    },
  };
}

const LINKS = FIELD_MAP.map((link) => ({
  link,
  draft: link.draft === null ? null : compile(link.draft, 'draft'),
  manifest: [link.manifest, ...(link.also ?? [])].map((p) => compile(p, 'manifest')),
}));

/** Maps a draft field path (`storage.cold.bucket`) to its manifest path; others stay as they are. */
export function manifestPathOfDraftPath(path: string): string {
  for (const { draft, manifest } of LINKS) {
    const captured = draft?.match(path);
    if (captured && manifest[0]) return manifest[0].render(captured);
  }
  return path;
}

/** The step and draft field of a manifest path by the field map, or null. */
function mappedField(manifestPath: string): { step: StepId; path: string | null } | null {
  for (const { link, draft, manifest } of LINKS) {
    for (const pattern of manifest) {
      const captured = pattern.match(manifestPath);
      if (captured) return { step: link.step, path: draft ? draft.render(captured) : null };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Server problems on the wizard's fields.

/** A server problem placed on a wizard step; `path` is a draft path, null when no field fits. */
export interface FieldProblem {
  step: StepId;
  path: string | null;
  message: string;
  /** The manifest path the server named. */
  manifestPath: string;
}

/** `spec.components[i].settings[.key]` and `spec.components[i].values[.path]`. */
const COMPONENT_CONFIG = /^spec\.components\[(\d+)\]\.(settings|values)(?:\.([A-Za-z0-9_-]+))?/;

/**
 * The settings form field a component's settings or values problem belongs to: the setting's
 * input (`components.settings.<id>.<key>`, the draft path settings-errors.ts uses), or the
 * advanced values editor (`components.values.<id>`). Needs the manifest's component ids, in order.
 */
function componentConfigField(
  manifestPath: string,
  components: readonly string[] | undefined,
): { step: StepId; path: string } | null {
  const m = COMPONENT_CONFIG.exec(manifestPath);
  const id = m && components?.[Number(m[1])];
  if (!m || !id) return null;
  if (m[2] === 'values') return { step: 'components', path: `components.values.${id}` };
  return { step: 'components', path: `components.settings.${id}${m[3] ? `.${m[3]}` : ''}` };
}

/**
 * The wizard step and draft field a manifest path names, or null when it names none.
 * `components`: the ids of the manifest's `spec.components`, in order, to place settings and
 * values problems on their component's settings panel.
 */
export function draftFieldOfManifestPath(
  manifestPath: string,
  components?: readonly string[],
): { step: StepId; path: string | null } | null {
  return componentConfigField(manifestPath, components) ?? mappedField(manifestPath);
}

/**
 * The server's problems placed on wizard steps (Review when no step fits), in step order;
 * `components` as for draftFieldOfManifestPath.
 */
export function fieldProblems(
  problems: readonly Problem[],
  components?: readonly string[],
): FieldProblem[] {
  const order: StepId[] = ['infrastructure', 'storage', 'dns', 'components', 'review'];
  return problems
    .map((p): FieldProblem => {
      const at = draftFieldOfManifestPath(p.path, components) ?? { step: 'review', path: null };
      return { ...at, message: p.message, manifestPath: p.path };
    })
    .sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
}
