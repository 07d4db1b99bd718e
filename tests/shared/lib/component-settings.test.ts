// Component settings end to end on the pure side: random settings within their fields' schemas
// round-trip through the manifest, and every HelmRelease's values are exactly the defaults
// overlaid with the settings (then advanced values); out-of-range settings are refused with the
// field's path; capacity follows replicas and storage; defaults change nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPONENT_SETTINGS } from '../../../src/shared/constants/component-settings';
import { getComponent, type ComponentId } from '../../../src/shared/constants/components';
import type { SettingValue } from '../../../src/shared/constants/settings-types';
import { clusterRequests } from '../../../src/shared/lib/cluster-capacity';
import {
  deepMerge,
  settingsValues,
  changedSettings,
} from '../../../src/shared/lib/component-settings';
import { releaseContext } from '../../../src/shared/lib/flux/release-context';
import { componentValues, defaultValues } from '../../../src/shared/lib/flux/values';
import { buildManifest, draftFromManifest } from '../../../src/shared/lib/manifest';
import { parseManifestText, serializeManifest } from '../../../src/shared/lib/manifest/io';
import { planManifest } from '../../../src/shared/lib/placement';
import { settingsProblems } from '../../../src/shared/schemas/component-settings';
import { validateManifest } from '../../../src/shared/lib/manifest/validate';
import { validDraft } from './manifest-fixtures';
import { settingValueOf } from './setting-values';

const IDS = [
  'cnpg',
  'harbor',
  'loki',
  'librechat',
  'vllm',
  'keycloak',
  'seaweedfs',
  'tempo',
] as const;

const settingsOf = (id: ComponentId) =>
  fc.record(Object.fromEntries(COMPONENT_SETTINGS[id].map((f) => [f.key, settingValueOf(f)])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Record<string, SettingValue>>;

const configArb = fc.record(
  Object.fromEntries(IDS.map((id) => [id, settingsOf(id)])) as Record<
    (typeof IDS)[number],
    fc.Arbitrary<Record<string, SettingValue>>
  >,
);

function draftWith(settings: Record<string, Record<string, SettingValue>>) {
  const d = validDraft();
  d.components.chosen = [
    ...new Set([
      ...d.components.chosen,
      'librechat',
      'vllm',
      'keycloak',
      'harbor',
      'loki',
      'tempo',
    ] as ComponentId[]),
  ];
  d.components.settings = settings;
  return d;
}

describe('component settings', () => {
  it('every field default is within its own schema, and keys are unique', () => {
    for (const [id, fields] of Object.entries(COMPONENT_SETTINGS)) {
      expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
      const defaults = Object.fromEntries(fields.map((f) => [f.key, f.default]));
      expect(settingsProblems(id, defaults), id).toEqual([]);
    }
  });

  it('round-trips random settings through the manifest and YAML', () => {
    fc.assert(
      fc.property(configArb, (settings) => {
        const d = draftWith(settings);
        const m = buildManifest(d);
        expect(validateManifest(m)).toMatchObject({ ok: true });
        const parsed = parseManifestText(serializeManifest(m, 'yaml'));
        expect(parsed.ok && parsed.manifest).toEqual(m);
        const back = draftFromManifest(m).components.settings ?? {};
        for (const id of IDS) expect(back[id] ?? {}).toEqual(changedSettings(id, settings[id]));
      }),
      { numRuns: 25 },
    );
  });

  /** Writes every leaf of `patch` into `into` at the same path (objects and lists created). */
  function overlayLeaves(into: Record<string, unknown>, patch: unknown): Record<string, unknown> {
    const walk = (target: Record<string | number, unknown>, p: unknown) => {
      for (const [k, v] of Object.entries(p as object)) {
        if (v !== null && typeof v === 'object') {
          const have = target[k];
          const next =
            have !== null && typeof have === 'object' ? have : Array.isArray(v) ? [] : {};
          target[k] = next;
          walk(next as Record<string | number, unknown>, v);
        } else if (v !== undefined) target[k] = v;
      }
    };
    walk(into, patch);
    return into;
  }

  it('HelmRelease values are exactly the defaults overlaid with the settings and values', () => {
    fc.assert(
      fc.property(configArb, (settings) => {
        const d = draftWith(settings);
        d.components.values = { loki: { extra: { a: 1 } } };
        const m = buildManifest(d);
        const plan = planManifest(m);
        for (const cluster of plan.clusters) {
          const ctx = releaseContext(m, plan, cluster);
          for (const id of IDS.filter((x) => cluster.components.includes(x))) {
            const entry = m.spec.components.find((c) => c.id === id)!;
            // Each leaf the settings write lands on its own path of the defaults: a list item
            // keeps its other keys (modelSpec[0].replicaCount changes only that key).
            let expected = overlayLeaves(
              structuredClone(defaultValues(id, ctx).values),
              settingsValues(id, entry.settings),
            );
            if (entry.values) expected = deepMerge(expected, entry.values);
            expect(componentValues(id, ctx).values).toEqual(expected);
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('at their defaults, settings leave the values and capacity as they were', () => {
    const defaults = Object.fromEntries(
      IDS.map((id) => [
        id,
        Object.fromEntries(COMPONENT_SETTINGS[id].map((f) => [f.key, f.default])),
      ]),
    );
    const plain = buildManifest(draftWith({}));
    const withDefaults = buildManifest(draftWith(defaults));
    expect(withDefaults).toEqual(plain);
    const plan = planManifest(plain);
    expect(clusterRequests(plan.clusters, defaults)).toEqual(clusterRequests(plan.clusters));
  });

  it('refuses out-of-range and ill-formed settings with the field path', () => {
    const m = buildManifest(draftWith({ cnpg: { instances: 3 } }));
    const i = m.spec.components.findIndex((c) => c.id === 'cnpg');
    m.spec.components[i] = {
      ...m.spec.components[i]!,
      settings: { instances: 12, storage: '5Xi', bogus: 1 },
    };
    const h = m.spec.components.findIndex((c) => c.id === 'harbor');
    m.spec.components[h] = {
      ...m.spec.components[h]!,
      settings: { hostname: 'Not A Host' },
      values: { core: { adminPassword: 'x' } },
    };
    const r = validateManifest(m);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        `spec.components[${i}].settings.instances`,
        `spec.components[${i}].settings.storage`,
        `spec.components[${i}].settings`,
        `spec.components[${h}].settings.hostname`,
        `spec.components[${h}].values.core.adminPassword`,
      ]),
    );
    expect(r.ok ? '' : r.problems.find((p) => p.path.endsWith('instances'))!.message).toBe(
      'Instances must be at most 9',
    );
  });

  it('capacity follows instances and storage, and LibreChat replicas', () => {
    const plan = planManifest(buildManifest(draftWith({})));
    const before = clusterRequests(plan.clusters)[0]!;
    const after = clusterRequests(plan.clusters, {
      cnpg: { instances: 5, storage: '100Gi' },
      librechat: { replicas: 3 },
    })[0]!;
    expect(after.storageGiB - before.storageGiB).toBe(5 * 100 - 3 * 20);
    const lib = getComponent('librechat').resources;
    if (plan.clusters[0]!.components.includes('librechat'))
      expect(after.cpuMillicores - before.cpuMillicores).toBe(
        Math.round(lib.cpuMillicores * 0.6 * 2),
      );
  });
});
