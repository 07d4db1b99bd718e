// A release's merged values (the defaults overlaid with the settings and the advanced values,
// exactly what its HelmRelease carries) judged against the values schema its chart publishes
// (chart-schemas/), as Helm would judge them on install. The validators are passed in: the API
// and the CLI compile the schemas with ajv (chart-schemas/node-validators.ts), the browser loads
// them precompiled on demand (chart-schemas/browser-validators.ts).
import { CHART_SCHEMAS } from '../chart-schemas/index';
import { isComponentId, type ComponentId } from '../constants/components';
import type { ManifestProblem, SovereignManifest } from '../schemas/manifest';
import { releaseContext } from './flux/release-context';
import { componentValues } from './flux/values';
import { planManifest } from './placement';

/** One value a chart's schema refuses: its path in the values (`a.b[0].c`, '' for the root). */
export interface ChartValueError {
  readonly path: string;
  readonly message: string;
}

/** Judges a release's values against one chart's schema: every value it refuses. */
export type ChartValuesValidator = (values: unknown) => ChartValueError[];

/** The validator of a component's chart, or null when its chart publishes no schema. */
export type ChartValidatorLookup = (id: ComponentId) => ChartValuesValidator | null;

/** What ajv (compiled or standalone) reports per refused value. */
export interface AjvLikeError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** `/a/b/0` plus an extra key as `a.b[0].key`. */
function valuesPath(pointer: string, extra?: unknown): string {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/');
  if (typeof extra === 'string') parts.push(extra);
  let out = '';
  for (const raw of parts) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(key)) out += `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out;
}

/**
 * A key the schema requires in a mapping: Helm judges the values coalesced with the chart's own
 * values.yaml, which is not vendored here and fills every mapping's keys (lists replace, so a
 * key required inside a list item still counts).
 */
const filledByChartDefaults = (e: AjvLikeError) =>
  e.keyword === 'required' && !/\/\d+(\/|$)/.test(e.instancePath);

/**
 * The errors that stand once the chart's defaults are taken into account: `required` in
 * mappings dropped, and an anyOf (oneOf) dropped with its branches' errors when at least one
 * (exactly one) branch failed only for such keys.
 */
function standing(errors: readonly AjvLikeError[]): AjvLikeError[] {
  const dropped = new Set(errors.filter(filledByChartDefaults));
  const combinators = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const c of combinators) {
    if (c.keyword === 'oneOf' && c.params.passingSchemas != null) continue;
    const subs = errors.filter((e) => e !== c && e.schemaPath.startsWith(`${c.schemaPath}/`));
    const branches = new Map<string, AjvLikeError[]>();
    for (const e of subs) {
      const branch = e.schemaPath.slice(c.schemaPath.length + 1).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const passing = [...branches.values()].filter((es) => es.every((e) => dropped.has(e))).length;
    if (c.keyword === 'anyOf' ? passing >= 1 : passing === 1) {
      dropped.add(c);
      for (const e of subs) dropped.add(e);
    }
  }
  return errors.filter((e) => !dropped.has(e));
}

/** ajv's errors as values errors, one per path and message, naming the chart's schema. */
export function fromAjvErrors(
  errors: readonly AjvLikeError[] | null | undefined,
  schemaName: string,
): ChartValueError[] {
  const out: ChartValueError[] = [];
  const seen = new Set<string>();
  for (const e of standing(errors ?? [])) {
    const extra =
      e.keyword === 'additionalProperties'
        ? e.params.additionalProperty
        : e.keyword === 'required'
          ? e.params.missingProperty
          : undefined;
    const path = valuesPath(e.instancePath, extra);
    const what =
      e.keyword === 'additionalProperties'
        ? 'is not a value the chart declares'
        : e.keyword === 'required'
          ? 'is required'
          : (e.message ?? 'is refused');
    const message = `${what} (${schemaName} values schema)`;
    if (seen.has(`${path}\n${message}`)) continue;
    seen.add(`${path}\n${message}`);
    out.push({ path, message });
  }
  return out;
}

/** "cnpg chart cloudnative-pg 0.28.0": how a schema is named in messages. */
export function chartSchemaName(id: ComponentId): string {
  const s = CHART_SCHEMAS[id];
  return s ? `${s.chart} ${s.version}` : id;
}

/**
 * Problems of the merged values of every listed component that has settings or values and whose
 * chart (at the version the manifest pins) publishes a schema, on each cluster that installs it:
 * `spec.components[<i>].values.<path>: <why>`. Components at their defaults are not judged (the
 * defaults are tested against the schemas in tests/shared/lib/chart-values-check.test.ts).
 */
export function chartValuesProblems(
  manifest: SovereignManifest,
  lookup: ChartValidatorLookup,
  only?: ComponentId,
): ManifestProblem[] {
  const out: ManifestProblem[] = [];
  const plan = planManifest(manifest);
  manifest.spec.components.forEach((c, i) => {
    if (!isComponentId(c.id) || (only && c.id !== only)) return;
    if (!c.settings && !c.values) return;
    const source = CHART_SCHEMAS[c.id];
    const validate = source && c.version === source.version ? lookup(c.id) : null;
    if (!validate) return;
    const seen = new Set<string>();
    for (const cluster of plan.clusters) {
      if (!cluster.components.includes(c.id)) continue;
      const { values } = componentValues(c.id, releaseContext(manifest, plan, cluster));
      for (const e of validate(values)) {
        const path = `spec.components[${i}].values${e.path ? `.${e.path}` : ''}`;
        if (seen.has(`${path}\n${e.message}`)) continue;
        seen.add(`${path}\n${e.message}`);
        out.push({ path, message: e.message });
      }
    }
  });
  return out;
}
