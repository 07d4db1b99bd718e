// Where a server problem belongs in the wizard: the API names manifest paths
// (`spec.infrastructure.regions[0].workers.count`), the wizard's fields have draft paths
// (`infrastructure.regions.0.workers.count`) on a step. The inverse of manifestPathOfDraftPath.
import type { StepId } from '../constants/steps';
import { SECRET_REFS } from '../lib/manifest';
import type { Problem } from '../schemas/api';

/** A server problem placed on a wizard step; `path` is a draft path, null when no field fits. */
export interface FieldProblem {
  step: StepId;
  path: string | null;
  message: string;
  /** The manifest path the server named. */
  manifestPath: string;
}

type Rule = [RegExp, (...m: string[]) => { step: StepId; path: string | null }];

/** `a[0].b[1]` as `a.0.b.1`. */
const dotted = (p: string) => p.replace(/\[(\d+)\]/g, '.$1');

const RULES: Rule[] = [
  [/^metadata\.name$/, () => ({ step: 'infrastructure', path: 'infrastructure.sovereignName' })],
  [
    /^spec\.organization\.(.+)$/,
    (_, r = '') => ({ step: 'infrastructure', path: `infrastructure.organization.${r}` }),
  ],
  [
    /^spec\.infrastructure\.regions\[(\d+)\]\.controlPlane\.count$/,
    (_, n = '') => ({
      step: 'infrastructure',
      path: `infrastructure.regions.${n}.controlPlane.ha`,
    }),
  ],
  [
    /^spec\.infrastructure\.regions\[(\d+)\]\.name$/,
    (_, n = '') => ({ step: 'infrastructure', path: `infrastructure.regions.${n}.cloudRegion` }),
  ],
  [
    /^spec\.infrastructure\.regions\[(\d+)\]$/,
    (_, n = '') => ({ step: 'infrastructure', path: `infrastructure.regions.${n}.workers.size` }),
  ],
  [
    /^spec\.infrastructure\.credentialsSecretRef(\..*)?$/,
    () => ({ step: 'infrastructure', path: 'secrets.providerToken' }),
  ],
  [
    /^spec\.infrastructure\.(.+)$/,
    (_, r = '') => ({ step: 'infrastructure', path: `infrastructure.${dotted(r)}` }),
  ],
  [/^spec\.storage\.tiers\[0\]/, () => ({ step: 'storage', path: 'storage.tiers.hotDays' })],
  [/^spec\.storage\.tiers\[1\]/, () => ({ step: 'storage', path: 'storage.tiers.warmDays' })],
  [
    /^spec\.storage\.tiers\[2\]\.credentialsSecretRef(\..*)?$/,
    () => ({ step: 'storage', path: 'secrets.coldAccessKeyId' }),
  ],
  [
    /^spec\.storage\.tiers\[2\]\.(.+)$/,
    (_, r = '') => ({ step: 'storage', path: `storage.cold.${r}` }),
  ],
  [/^spec\.storage\.(.+)$/, (_, r = '') => ({ step: 'storage', path: `storage.${dotted(r)}` })],
  [
    /^spec\.dns\.registrarSecretRef(\..*)?$/,
    () => ({ step: 'dns', path: 'secrets.registrarToken' }),
  ],
  [/^spec\.dns\.dnssec(\..*)?$/, () => ({ step: 'dns', path: 'dns.dnssec' })],
  [/^spec\.dns\.tls\.caSecretRef(\..*)?$/, () => ({ step: 'dns', path: 'dns.caSecretName' })],
  [/^spec\.dns\.tls(\..*)?$/, () => ({ step: 'dns', path: 'dns.tlsIssuer' })],
  [/^spec\.dns\.(.+)$/, (_, r = '') => ({ step: 'dns', path: `dns.${dotted(r)}` })],
  [
    /^spec\.blueprints\.pullSecretRef(\..*)?$/,
    () => ({ step: 'components', path: 'blueprints.pullSecretName' }),
  ],
  [/^spec\.blueprints\b/, () => ({ step: 'components', path: 'blueprints.registry' })],
  [/^spec\.(components|installOrder)\b/, () => ({ step: 'components', path: null })],
  [
    new RegExp(`^secrets\\.${SECRET_REFS.provider}\\b`),
    () => ({ step: 'infrastructure', path: 'secrets.providerToken' }),
  ],
  [
    new RegExp(`^secrets\\.${SECRET_REFS.coldTier}\\.secretAccessKey`),
    () => ({ step: 'storage', path: 'secrets.coldSecretAccessKey' }),
  ],
  [
    new RegExp(`^secrets\\.${SECRET_REFS.coldTier}\\b`),
    () => ({ step: 'storage', path: 'secrets.coldAccessKeyId' }),
  ],
  [/^secrets\b/, () => ({ step: 'dns', path: 'secrets.registrarToken' })],
];

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
  const config = componentConfigField(manifestPath, components);
  if (config) return config;
  for (const [re, to] of RULES) {
    const m = re.exec(manifestPath);
    if (m) return to(...m);
  }
  return null;
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
