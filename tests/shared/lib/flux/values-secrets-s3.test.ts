// The values of every HelmRelease, on every cluster of several Sovereigns (values-fixtures.ts): no
// secret, every Secret a release names declared, every S3 consumer on the one SeaweedFS S3 Service,
// and Cilium and SeaweedFS set up from the manifest (the chart keys and in-cluster addresses:
// values-chart-facts.test.ts).
import { describe, expect, it } from 'vitest';
import { getComponent } from '../../../../src/shared/constants/components';
import { S3_CONSUMERS, S3_ENDPOINT } from '../../../../src/shared/constants/domain';
import { CHART_SERVICES } from '../../../../src/shared/lib/flux/chart-facts';
import { componentValues } from '../../../../src/shared/lib/flux/values';
import { s3Endpoint } from '../../../../src/shared/lib/flux/values/common';
import { ALL, strings, where } from './values-fixtures';

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
