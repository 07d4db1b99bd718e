// The charts' values schemas: the vendored files are the published ones the index names, every
// release's merged values at the defaults and with any settings within their fields pass them,
// a value a schema refuses is refused with its `spec.components[i].values.<path>`, and the
// browser's precompiled validators judge exactly as the Node ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_SCHEMAS, CHART_SCHEMA_IDS } from '../../../src/shared/chart-schemas/index';
import { isDraft2020 } from '../../../src/shared/chart-schemas/ajv-options';
import { BROWSER_VALIDATOR_IDS } from '../../../src/shared/chart-schemas/browser-validators';
import { nodeChartValidator } from '../../../src/shared/chart-schemas/node-validators';
import { COMPONENT_SETTINGS } from '../../../src/shared/constants/component-settings';
import { getComponent, type ComponentId } from '../../../src/shared/constants/components';
import type { SettingValue } from '../../../src/shared/constants/settings-types';
import {
  chartValuesProblems,
  fromAjvErrors,
  type ChartValuesValidator,
} from '../../../src/shared/lib/chart-values-check';
import { releaseContext } from '../../../src/shared/lib/flux/release-context';
import { componentValues } from '../../../src/shared/lib/flux/values';
import { buildManifest } from '../../../src/shared/lib/manifest';
import { planManifest } from '../../../src/shared/lib/placement';
import { admitPlan } from '../../../src/shared/lib/plan-problems';
import type { SovereignManifest } from '../../../src/shared/schemas/manifest';
import { validatorModule } from '../../../scripts/vite-chart-validators';
import { validDraft } from './manifest-fixtures';
import { settingValueOf } from './setting-values';

const DIR = path.resolve(process.cwd(), 'src/shared/chart-schemas');
const file = (id: ComponentId) => path.join(DIR, `${id}.json`);

/** A draft that installs every component with a vendored schema. */
function draftWithSchemas() {
  const d = validDraft();
  d.components.chosen = [...new Set([...d.components.chosen, ...CHART_SCHEMA_IDS])];
  return d;
}

const settingsArb = fc.record(
  Object.fromEntries(
    CHART_SCHEMA_IDS.map((id) => [
      id,
      fc.record(Object.fromEntries(COMPONENT_SETTINGS[id].map((f) => [f.key, settingValueOf(f)])), {
        requiredKeys: [],
      }),
    ]),
  ),
) as fc.Arbitrary<Record<string, Record<string, SettingValue>>>;

/** Every value of every schema'd release on every cluster, judged by its Node validator. */
function allReleaseErrors(m: SovereignManifest): string[] {
  const plan = planManifest(m);
  const out: string[] = [];
  for (const cluster of plan.clusters) {
    const ctx = releaseContext(m, plan, cluster);
    for (const id of CHART_SCHEMA_IDS.filter((x) => cluster.components.includes(x)))
      for (const e of nodeChartValidator(id)!(componentValues(id, ctx).values))
        out.push(`${cluster.name} ${id} ${e.path}: ${e.message}`);
  }
  return out;
}

const indexOf = (m: SovereignManifest, id: string) =>
  m.spec.components.findIndex((c) => c.id === id);

describe('chart values schemas', () => {
  it('each vendored file is the published schema the index names, of the catalog pin', () => {
    expect(CHART_SCHEMA_IDS.length).toBeGreaterThan(0);
    for (const id of CHART_SCHEMA_IDS) {
      const s = CHART_SCHEMAS[id]!;
      const text = readFileSync(file(id));
      expect(text.length, id).toBe(s.bytes);
      expect(s.bytes, id).toBeLessThanOrEqual(150_000);
      expect(isDraft2020(JSON.parse(text.toString()) as object) ? '2020-12' : '07', id).toBe(
        s.draft,
      );
      expect(getComponent(id).chart, id).toMatchObject({ name: s.chart, version: s.version });
      expect(s.source, id).toContain(s.version.replace(/^v/, ''));
    }
    expect([...BROWSER_VALIDATOR_IDS].sort()).toEqual([...CHART_SCHEMA_IDS].sort());
  });

  it('every release at its defaults passes its chart schema on every cluster', () => {
    expect(allReleaseErrors(buildManifest(draftWithSchemas()))).toEqual([]);
  });

  it('any settings within their fields keep every release within its chart schema', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const d = draftWithSchemas();
        d.components.settings = settings;
        expect(allReleaseErrors(buildManifest(d))).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('a vLLM setting changes one key of the complete default model item the chart requires', () => {
    // Found by the vllm-stack schema: a setting once wrote a lone modelSpec item that replaced
    // the default list and lacked name, repository, tag, requestCPU, ... (Helm refuses that).
    const d = draftWithSchemas();
    d.components.settings = { vllm: { replicas: 2 } };
    const m = buildManifest(d);
    expect(chartValuesProblems(m, nodeChartValidator)).toEqual([]);
    const plan = planManifest(m);
    const cluster = plan.clusters.find((c) => c.components.includes('vllm'))!;
    const values = componentValues('vllm', releaseContext(m, plan, cluster)).values;
    expect(values).toMatchObject({
      servingEngineSpec: {
        modelSpec: [
          { name: 'default', repository: 'vllm/vllm-openai', replicaCount: 2, requestCPU: 2 },
        ],
      },
    });
  });

  it('refuses a value of the wrong type with its path under spec.components[i].values', () => {
    const d = draftWithSchemas();
    d.components.values = {
      cnpg: { replicaCount: 'two', monitoring: { podMonitorEnabled: 'yes' } },
      'cert-manager': { nonsense: true },
    };
    const m = buildManifest(d);
    const problems = chartValuesProblems(m, nodeChartValidator);
    const cnpg = indexOf(m, 'cnpg');
    const cm = indexOf(m, 'cert-manager');
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: `spec.components[${cnpg}].values.replicaCount`,
          message: 'must be integer (cloudnative-pg 0.28.0 values schema)',
        },
        {
          path: `spec.components[${cnpg}].values.monitoring.podMonitorEnabled`,
          message: 'must be boolean (cloudnative-pg 0.28.0 values schema)',
        },
        {
          path: `spec.components[${cm}].values.nonsense`,
          message: 'is not a value the chart declares (cert-manager v1.16.2 values schema)',
        },
      ]),
    );
    // One problem per path, however many clusters run the release.
    expect(new Set(problems.map((p) => p.path)).size).toBe(problems.length);
    const verdict = admitPlan({ ok: true, manifest: m }, nodeChartValidator);
    expect(verdict.ok).toBe(false);
    expect(admitPlan({ ok: true, manifest: m }).ok).toBe(true);
  });

  it('judges the merged values: a setting overridden by a bad advanced value is refused', () => {
    const d = draftWithSchemas();
    d.components.settings = { cnpg: { operatorReplicas: 2 } };
    expect(chartValuesProblems(buildManifest(d), nodeChartValidator)).toEqual([]);
    d.components.values = { cnpg: { replicaCount: 2.5 } };
    const m = buildManifest(d);
    expect(chartValuesProblems(m, nodeChartValidator)).toEqual([
      {
        path: `spec.components[${indexOf(m, 'cnpg')}].values.replicaCount`,
        message: 'must be integer (cloudnative-pg 0.28.0 values schema)',
      },
    ]);
  });

  it('does not judge a release pinned to another chart version than the vendored schema', () => {
    const d = draftWithSchemas();
    d.components.values = { cnpg: { replicaCount: 'two' } };
    const m = buildManifest(d);
    m.spec.components[indexOf(m, 'cnpg')]!.version = '0.27.0';
    expect(chartValuesProblems(m, nodeChartValidator)).toEqual([]);
  });

  it('the precompiled browser validators judge as the Node validators do', async () => {
    const samples: unknown[] = [
      {},
      { replicaCount: 'two' },
      { replicaCount: 2, resources: { requests: { cpu: 5 } } },
      { nonsense: { deep: [1, 'a'] }, image: 3 },
    ];
    for (const id of CHART_SCHEMA_IDS) {
      const code = validatorModule(JSON.parse(readFileSync(file(id), 'utf8')) as object);
      const mod = (await import(
        /* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
      )) as { default: ((v: unknown) => boolean) & { errors?: null } };
      const browser: ChartValuesValidator = (v) =>
        mod.default(v) ? [] : fromAjvErrors(mod.default.errors as never, `${id}`);
      const node = nodeChartValidator(id)!;
      for (const v of samples)
        expect(
          browser(v).map((e) => e.path),
          id,
        ).toEqual(node(v).map((e) => e.path));
    }
  });
});
