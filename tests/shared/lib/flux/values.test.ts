// The values of every HelmRelease, on every cluster of several Sovereigns: only keys the chart
// declares, only in-cluster addresses of Services that really exist on that cluster, no secret,
// and every S3 consumer on the one SeaweedFS S3 Service.
import { describe, expect, it } from 'vitest';
import {
  COMPONENTS,
  getComponent,
  isComponentId,
  type ComponentId,
} from '../../../../src/shared/constants/components';
import {
  S3_CONSUMERS,
  S3_ENDPOINT,
  type TopologyId,
} from '../../../../src/shared/constants/domain';
import { regionsForTopology } from '../../../../src/shared/lib/draft-defaults';
import { CHART_SERVICES, CHART_VALUES_KEYS } from '../../../../src/shared/lib/flux/chart-facts';
import {
  releaseContext,
  type ReleaseContext,
  type Values,
} from '../../../../src/shared/lib/flux/release-context';
import { VALUES_CHARTS, componentValues } from '../../../../src/shared/lib/flux/values';
import { reach, s3Endpoint } from '../../../../src/shared/lib/flux/values/common';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import { planManifest, type ClusterPlan } from '../../../../src/shared/lib/placement';
import type { SovereignManifest } from '../../../../src/shared/schemas/manifest';
import { validDraft } from '../manifest-fixtures';

const OPTIONAL: ComponentId[] = COMPONENTS.filter((c) => c.tier !== 'mandatory').map((c) => c.id);

function sovereign(topology: TopologyId, full: boolean): SovereignManifest {
  const d = validDraft();
  d.infrastructure.topology = topology;
  d.infrastructure.regions = regionsForTopology(
    topology,
    d.infrastructure.provider,
    d.infrastructure.regions,
  );
  if (full) d.components.chosen = [...OPTIONAL];
  return buildManifest(d);
}

const SOVEREIGNS: readonly [string, SovereignManifest][] = [
  ['default zoned', buildManifest(validDraft())],
  ['default triangle', sovereign('triangle', false)],
  ['full-catalog triangle', sovereign('triangle', true)],
  ['full-catalog citadel', sovereign('citadel', true)],
];

interface Release {
  readonly sovereign: string;
  readonly cluster: ClusterPlan;
  readonly ctx: ReleaseContext;
  readonly id: ComponentId;
  readonly values: Values;
}

function releases(): Release[] {
  const out: Release[] = [];
  for (const [name, m] of SOVEREIGNS) {
    const plan = planManifest(m);
    for (const cluster of plan.clusters) {
      const ctx = releaseContext(m, plan, cluster);
      for (const id of cluster.components) {
        out.push({ sovereign: name, cluster, ctx, id, values: componentValues(id, ctx).values });
      }
    }
  }
  return out;
}

const ALL = releases();
const where = (r: Release) => `${r.sovereign} / ${r.cluster.name} / ${r.id}`;

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

/** Every string in a value tree, with its path. */
function* strings(v: unknown, path = ''): Generator<[string, string]> {
  if (typeof v === 'string') yield [path, v];
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* strings(x, `${path}[${i}]`);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) yield* strings(x, path ? `${path}.${k}` : k);
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

const SECRET_KEY = /pass(word|wd)?|secret|token|api[-_]?key|access[-_]?key|private[-_]?key/i;
const REFERENCE_KEY = /^existingSecret|Secret$|SecretName$|^secretName$/;
const SECRET_SHAPES = [
  /AKIA[0-9A-Z]{16}/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/,
  /\bgh[pousr]_[A-Za-z0-9]{30,}/,
];

/** Secret-looking things in values: known key shapes, high-entropy tokens, set secret fields. */
function secretsIn(v: unknown, path = ''): string[] {
  const found: string[] = [];
  if (typeof v === 'string') {
    if (SECRET_SHAPES.some((re) => re.test(v))) found.push(`${path}: secret shape`);
    for (const t of v.split(/[^A-Za-z0-9+/=_-]+/))
      if (t.length >= 32 && /[A-Z]/.test(t) && /[a-z]/.test(t) && /\d/.test(t))
        found.push(`${path}: high-entropy token`);
  } else if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) found.push(...secretsIn(x, `${path}[${i}]`));
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string' && SECRET_KEY.test(o.name) && typeof o.value === 'string')
      found.push(`${path}: env ${o.name} has a literal value`);
    for (const [k, x] of Object.entries(o)) {
      const p = path ? `${path}.${k}` : k;
      if (typeof x === 'string' && x !== '' && SECRET_KEY.test(k) && !REFERENCE_KEY.test(k))
        found.push(`${p}: set secret field`);
      found.push(...secretsIn(x, p));
    }
  }
  return found;
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

  it('puts no secret in values', () => {
    const problems = ALL.flatMap((r) => secretsIn(r.values).map((s) => `${where(r)}: ${s}`));
    expect(problems).toEqual([]);
  });

  it('the secret check finds planted secrets', () => {
    expect(secretsIn({ password: 'hunter2' })).toHaveLength(1);
    expect(secretsIn({ s3: { accessKeyId: 'minio' } })).toHaveLength(1);
    expect(secretsIn({ env: [{ name: 'PDNS_API_KEY', value: 'abc' }] })).toHaveLength(1);
    expect(secretsIn({ x: 'key AKIAIOSFODNN7EXAMPLE' }).length).toBeGreaterThan(0);
    expect(secretsIn(['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY1'])).toHaveLength(1);
    expect(secretsIn({ existingSecretAdminPassword: 'harbor-admin' })).toEqual([]);
  });

  it('declares every Secret a release names, in the component namespace, from OpenBao', () => {
    for (const r of ALL) {
      const { values, secrets } = componentValues(r.id, r.ctx);
      for (const s of secrets) {
        expect(s.namespace, where(r)).toBe(getComponent(r.id).namespace);
        expect(s.path, where(r)).toMatch(/^catalyst\//);
        expect(Object.keys(s.keys).length, where(r)).toBeGreaterThan(0);
      }
      const named = new Set(secrets.map((s) => s.name));
      const json = JSON.stringify(values);
      for (const m of json.matchAll(
        /"(?:existingSecret\w*(?<!Key)|existingConfigSecret)":"([^"]+)"/g,
      ))
        expect(named.has(m[1]!), `${where(r)}: ${m[0]}`).toBe(true);
      for (const m of json.matchAll(/"secretKeyRef":\{"name":"([^"]+)","key":"([^"]+)"/g)) {
        const need = secrets.find((s) => s.name === m[1]);
        expect(need && Object.hasOwn(need.keys, m[2]!), `${where(r)}: ${m[0]}`).toBe(true);
      }
      for (const m of json.matchAll(/"secretRef":\{"name":"([^"]+)"/g))
        expect(named.has(m[1]!), `${where(r)}: ${m[0]}`).toBe(true);
    }
  });

  it('points S3 consumers at the SeaweedFS S3 Service', () => {
    expect(s3Endpoint()).toBe(S3_ENDPOINT);
    const [svc, ns] = S3_ENDPOINT.split('.');
    expect(getComponent('seaweedfs').namespace).toBe(ns);
    expect(CHART_SERVICES.seaweedfs?.map((s) => s.name)).toContain(svc);
    const upstreamConsumers = ['velero', 'loki', 'mimir', 'tempo', 'harbor'] as const;
    for (const id of upstreamConsumers) {
      const rs = ALL.filter((r) => r.id === id);
      expect(rs.length, id).toBeGreaterThan(0);
      for (const r of rs) {
        const all = [...strings(r.values)].map(([, s]) => s);
        expect(
          all.some((s) => s.includes(S3_ENDPOINT)),
          where(r),
        ).toBe(true);
        const [bucket] = S3_CONSUMERS[id];
        expect(all, where(r)).toContain(bucket);
      }
    }
    const kserve = ALL.filter((r) => r.id === 'kserve');
    expect(kserve.length).toBeGreaterThan(0);
    for (const r of kserve)
      expect(r.values, where(r)).toMatchObject({
        kserve: { storage: { s3: { endpoint: S3_ENDPOINT, useHttps: '0' } } },
      });
    // Every string mentioning port 8333 or seaweedfs is the one endpoint.
    for (const r of ALL)
      for (const [path, s] of strings(r.values))
        if (/:8333\b/.test(s)) expect(s, `${where(r)} ${path}`).toContain(S3_ENDPOINT);
  });

  it("turns mimir's bundled MinIO off", () => {
    const rs = ALL.filter((r) => r.id === 'mimir');
    expect(rs.length).toBeGreaterThan(0);
    for (const r of rs) expect(r.values.minio, where(r)).toEqual({ enabled: false });
  });

  it('creates the buckets of the S3 consumers on each cluster', () => {
    for (const r of ALL.filter((x) => x.id === 'seaweedfs')) {
      const s3 = r.values.s3 as { createBuckets?: { name: string }[] };
      const want = new Set(
        r.cluster.components.flatMap((id) =>
          Object.hasOwn(S3_CONSUMERS, id) ? [...S3_CONSUMERS[id as keyof typeof S3_CONSUMERS]] : [],
        ),
      );
      expect(new Set(s3.createBuckets?.map((b) => b.name)), where(r)).toEqual(want);
    }
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

  it('sets Cilium up for k3s without kube-proxy', () => {
    const r = ALL.find((x) => x.id === 'cilium')!;
    expect(r.values).toMatchObject({
      kubeProxyReplacement: true,
      k8sServiceHost: '127.0.0.1',
      k8sServicePort: 6443,
      ipam: { mode: 'kubernetes' },
    });
  });

  it('sets SeaweedFS from the manifest storage settings', () => {
    const r = ALL.find((x) => x.id === 'seaweedfs')!;
    const s = r.ctx.manifest.spec.storage.seaweedfs;
    expect(r.values).toMatchObject({
      master: { replicas: s.masterReplicas },
      volume: { replicas: s.volumeReplicas, dataDirs: [{ size: `${s.volumeSizeGi}Gi` }] },
      filer: { replicas: s.filerReplicas },
      s3: { enabled: true, replicas: s.s3Replicas, enableAuth: true },
    });
  });
});
