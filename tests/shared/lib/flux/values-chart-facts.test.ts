// The values of every HelmRelease, on every cluster of several Sovereigns (values-fixtures.ts),
// against the chart facts: only keys the chart declares, at the version installed, and only
// in-cluster addresses of Services that really exist on that cluster (no secret, the S3 wiring and
// the platform settings: values-secrets-s3.test.ts).
import { describe, expect, it } from 'vitest';
import {
  COMPONENTS,
  getComponent,
  isComponentId,
} from '../../../../src/shared/constants/components';
import { CHART_SERVICES, CHART_VALUES_KEYS } from '../../../../src/shared/lib/flux/chart-facts';
import type { Values } from '../../../../src/shared/lib/flux/release-context';
import { VALUES_CHARTS } from '../../../../src/shared/lib/flux/values';
import { reach } from '../../../../src/shared/lib/flux/values/common';
import type { ClusterPlan } from '../../../../src/shared/lib/placement';
import { ALL, strings, where, type Release } from './values-fixtures';

/** Values keys the installed chart does not declare (and any values for a bp chart). */
function keyProblems(r: Release): string[] {
  const keys = Object.keys(r.values);
  if (keys.length === 0) return [];
  const chart = getComponent(r.id).chart;
  if (!chart) return [`${where(r)}: values for bp-${r.id}`];
  const facts = CHART_VALUES_KEYS[chart.name];
  if (!facts) return [`${where(r)}: no CHART_VALUES_KEYS for ${chart.name}`];
  const problems: string[] = [];
  if (facts.version !== chart.version)
    problems.push(`${where(r)}: keys of ${chart.name} ${facts.version}, installs ${chart.version}`);
  for (const k of keys)
    if (!facts.keys.includes(k)) problems.push(`${where(r)}: ${chart.name} has no key ${k}`);
  return problems;
}

const SVC =
  /\b([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.svc(?:\.cluster\.local)?(?::(\d+))?/g;

/** The in-cluster addresses in values that name no Service of a release on this cluster. */
function badAddresses(values: Values, cluster: ClusterPlan): string[] {
  const bad: string[] = [];
  for (const [path, s] of strings(values)) {
    for (const m of s.matchAll(SVC)) {
      const [addr, svc, ns, port] = m;
      const ok = cluster.components.some(
        (id) =>
          getComponent(id).namespace === ns &&
          (CHART_SERVICES[id] ?? []).some(
            (x) => x.name === svc && (port === undefined || x.ports.includes(Number(port))),
          ),
      );
      if (!ok) bad.push(`${path}: ${addr}`);
    }
  }
  return bad;
}

describe('componentValues', () => {
  it('covers every sovereign, including rtz-only clusters', () => {
    const clusters = new Set(ALL.map((r) => `${r.sovereign}/${r.cluster.name}`));
    expect(clusters.size).toBe(2 + 3 + 3 + 4);
    expect(ALL.some((r) => !r.cluster.buildingBlocks.includes('mgt'))).toBe(true);
  });

  it('emits only top-level keys the installed chart declares, and nothing for bp charts', () => {
    expect(ALL.flatMap(keyProblems)).toEqual([]);
  });

  it('the key check finds a planted key and values on a bp chart', () => {
    const velero = ALL.find((r) => r.id === 'velero')!;
    const bp = ALL.find((r) => getComponent(r.id).chart === null)!;
    expect(keyProblems({ ...velero, values: { catalyst: { s3: {} } } })).toEqual([
      `${where(velero)}: velero has no key catalyst`,
    ]);
    expect(keyProblems({ ...bp, values: { replicas: 1 } })).toEqual([
      `${where(bp)}: values for bp-${bp.id}`,
    ]);
  });

  it('has key facts for every chart it writes values for, at the catalog version', () => {
    for (const [id, chart] of Object.entries(VALUES_CHARTS)) {
      if (!isComponentId(id)) throw new Error(`unknown component ${id}`);
      const c = getComponent(id).chart;
      if (c?.name !== chart) continue; // the catalog installs it otherwise: no values (tested above)
      expect(CHART_VALUES_KEYS[chart]?.version, chart).toBe(c.version);
    }
  });

  it('keeps chart facts for catalog charts only', () => {
    const charts = new Map(COMPONENTS.flatMap((c) => (c.chart ? [[c.chart.name, c.chart]] : [])));
    for (const [name, facts] of Object.entries(CHART_VALUES_KEYS)) {
      expect(charts.get(name)?.version, name).toBe(facts.version);
      expect(new Set(facts.keys).size, name).toBe(facts.keys.length);
    }
    for (const id of Object.keys(CHART_SERVICES)) expect(isComponentId(id), id).toBe(true);
  });

  it('addresses only Services of releases on the same cluster, in their namespace', () => {
    const problems = ALL.flatMap((r) =>
      badAddresses(r.values, r.cluster).map((b) => `${where(r)}: ${b}`),
    );
    expect(problems).toEqual([]);
  });

  it('the address walker finds a planted bad address', () => {
    const cluster = ALL[0]!.cluster;
    const planted = {
      a: { b: ['http://seaweedfs.storage.svc:8333'] },
      c: 'x loki.loki.svc.cluster.local:3100 y',
      ok: 'seaweedfs-s3.storage.svc:8333',
      wrongPort: 'seaweedfs-s3.storage.svc:9999',
      wrongNamespace: 'seaweedfs-s3.seaweedfs.svc:8333',
    };
    const bad = badAddresses(planted, cluster);
    expect(bad).toContain('a.b[0]: seaweedfs.storage.svc:8333');
    expect(bad).toContain('wrongPort: seaweedfs-s3.storage.svc:9999');
    expect(bad).toContain('wrongNamespace: seaweedfs-s3.seaweedfs.svc:8333');
    expect(bad.some((b) => b.startsWith('ok:'))).toBe(false);
    // loki runs on mgt clusters only: an rtz-only cluster may not address it.
    const rtz = ALL.find((r) => !r.cluster.buildingBlocks.includes('mgt'))!.cluster;
    expect(badAddresses({ c: planted.c }, rtz)).toEqual(['c: loki.loki.svc.cluster.local:3100']);
  });

  it('reaches an mgt component from an rtz-only cluster by its Sovereign DNS name', () => {
    const rtz = ALL.find((r) => !r.cluster.buildingBlocks.includes('mgt'))!;
    const mgt = ALL.find(
      (r) => r.sovereign === rtz.sovereign && r.cluster.components.includes('powerdns'),
    )!;
    const domain = rtz.ctx.manifest.spec.dns.domain;
    expect(rtz.ctx.has('loki')).toBe(false);
    expect(reach(rtz.ctx, 'loki', 'loki-gateway', 80)).toBe(`https://loki.${domain}`);
    expect(reach(mgt.ctx, 'powerdns', 'powerdns', 8081)).toBe('http://powerdns.powerdns.svc:8081');
  });
});
