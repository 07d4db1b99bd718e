// Contradictions are problems (issue 11, item 5), judged in the one shared verdict: what Review
// lists is what the API's admission and `catalyst validate` answer (planProblems/admitPlan).
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../src/shared/lib/manifest';
import { regionsForTopology } from '../../../src/shared/lib/draft';
import { planProblems, planWarnings } from '../../../src/shared/lib/plan-problems';
import { validateManifest } from '../../../src/shared/lib/manifest/validate';
import type { Draft } from '../../../src/shared/schemas/draft';
import { validDraft } from './manifest-fixtures';

const problemsOf = (d: Draft) => planProblems(buildManifest(d));
const at = (d: Draft, path: string) => problemsOf(d).filter((p) => p.path === path);

function solo(): Draft {
  const d = validDraft();
  d.infrastructure.topology = 'solo';
  d.infrastructure.regions = regionsForTopology('solo', 'hetzner');
  return d;
}

describe('contradictions in the shared verdict', () => {
  it('the valid fixture has none, and its manifest passes the contract', () => {
    expect(problemsOf(validDraft())).toEqual([]);
    expect(validateManifest(buildManifest(validDraft())).ok).toBe(true);
  });

  it('solo with active-active across regions: SeaweedFS placement and DNS policy, each with its fix', () => {
    const d = solo();
    expect(at(d, 'spec.storage.seaweedfs.placement')).toEqual([
      {
        path: 'spec.storage.seaweedfs.placement',
        message: expect.stringMatching(/Active-active across regions.*solo.*choose Single region/),
      },
    ]);
    expect(at(d, 'spec.dns.luaPolicy')[0]?.message).toMatch(/needs several regions.*Single region/);
    d.storage.seaweedfs.placement = 'single-region';
    d.dns.luaPolicy = 'single-region';
    expect(problemsOf(d)).toEqual([]);
  });

  it('more volume replicas than the smallest cluster has nodes', () => {
    const d = validDraft();
    d.infrastructure.regions[1] = {
      ...d.infrastructure.regions[1]!,
      controlPlane: { ...d.infrastructure.regions[1]!.controlPlane, ha: false },
      workers: { ...d.infrastructure.regions[1]!.workers, count: 1 },
    };
    const [p] = at(d, 'spec.storage.seaweedfs.volumeReplicas');
    expect(p?.message).toMatch(
      /3 volume servers need 3 nodes.*region 2 \(nbg1\) has 2; lower it to 2/,
    );
    d.storage.seaweedfs.volumeReplicas = 2;
    expect(at(d, 'spec.storage.seaweedfs.volumeReplicas')).toEqual([]);
  });

  it('an even master count', () => {
    const d = validDraft();
    d.storage.seaweedfs.masterReplicas = 2;
    expect(at(d, 'spec.storage.seaweedfs.masterReplicas')[0]?.message).toMatch(
      /2 is even.*choose 1 or 3/,
    );
  });

  it('a Corporate CA issuer without its CA Secret, and with one', () => {
    const d = validDraft();
    d.dns.tlsIssuer = 'corporate-ca';
    expect(at(d, 'spec.dns.tls.caSecretRef.name')[0]?.message).toMatch(
      /^CA Secret: name the Secret/,
    );
    d.dns.caSecretName = 'Not A Name';
    expect(at(d, 'spec.dns.tls.caSecretRef.name')[0]?.message).toMatch(/Kubernetes name/);
    d.dns.caSecretName = 'acme-root-ca';
    expect(problemsOf(d)).toEqual([]);
    expect(buildManifest(d).spec.dns.tls).toEqual({
      issuer: 'corporate-ca',
      caSecretRef: { name: 'acme-root-ca' },
    });
  });

  it('a cold-tier region that is not one of the backend’s regions (AWS Glacier fsn1)', () => {
    const d = validDraft();
    d.storage.cold = { ...d.storage.cold, backend: 'aws-s3-glacier', region: 'fsn1' };
    const [p] = at(d, 'spec.storage.tiers[2].region');
    expect(p?.message).toMatch(/AWS S3 Glacier has no region "fsn1"; choose one of eu-central-1/);
    expect(p?.message).not.toMatch(/such as .*fsn1/);
    d.storage.cold.region = 'eu-central-1';
    expect(problemsOf(d)).toEqual([]);
    d.storage.cold = { ...d.storage.cold, backend: 'hetzner-object-storage', region: 'fsn1' };
    expect(problemsOf(d)).toEqual([]);
  });

  it('refuses a worker count of −1 or 3.5 on its field', () => {
    for (const count of [-1, 3.5]) {
      const d = validDraft();
      d.infrastructure.regions[0]!.workers.count = count;
      expect(at(d, 'spec.infrastructure.regions[0].workers.count').length).toBeGreaterThan(0);
    }
  });

  it('judges the domain as typed and names what is wrong', () => {
    const d = validDraft();
    d.dns.mode = 'byo-manual';
    d.dns.domain = 'Globex Corp.example';
    expect(buildManifest(d).spec.dns.domain).toBe('Globex Corp.example');
    expect(at(d, 'spec.dns.domain')[0]?.message).toBe(
      'Domain: a domain has no spaces ("Globex Corp.example" has one)',
    );
    d.dns.domain = 'Globex.example';
    expect(at(d, 'spec.dns.domain')[0]?.message).toBe(
      'Domain: use lowercase letters only, such as globex.example',
    );
    d.dns.domain = 'globex.example';
    expect(problemsOf(d)).toEqual([]);
  });
});

describe('planWarnings: hardware the plan lacks', () => {
  it('vLLM (brought by LibreChat) needs GPU nodes no size has; a warning, not a problem', () => {
    const d = validDraft();
    expect(planWarnings(buildManifest(d))).toEqual([]);
    d.components.chosen = [...d.components.chosen, 'librechat'];
    const m = buildManifest(d);
    const warnings = planWarnings(m).filter((w) => w.path.startsWith('spec.components'));
    expect(warnings).toEqual([
      {
        path: `spec.components[${m.spec.components.findIndex((c) => c.id === 'vllm')}]`,
        message: expect.stringMatching(
          /^vLLM needs GPU nodes .*no node size of this plan has a GPU/,
        ),
      },
    ]);
    expect(planProblems(m).filter((p) => /GPU/.test(p.message))).toEqual([]);
  });
});

describe('planWarnings: nearly full nodes', () => {
  it('names a region above 80% once, with the resource, and clears when its nodes grow', () => {
    const d = validDraft();
    d.components.chosen = [...d.components.chosen, 'librechat'];
    const full = planWarnings(buildManifest(d)).filter((w) => /nearly full/.test(w.message));
    expect(full.length).toBeGreaterThan(0);
    for (const w of full) {
      expect(w.path).toMatch(/^spec\.infrastructure\.regions\[\d\]$/);
      expect(w.message).toMatch(
        /^Nodes nearly full \(above 80%\): Region \d \([a-z0-9-]+\): .*\(\d+%\)/,
      );
      expect(w.message.match(/Region/g)).toHaveLength(1);
    }
    expect(planProblems(buildManifest(d)).filter((p) => /nearly full/.test(p.message))).toEqual([]);
    d.infrastructure.regions = d.infrastructure.regions.map((r) => ({
      ...r,
      workers: { ...r.workers, count: r.workers.count * 3 },
    }));
    expect(planWarnings(buildManifest(d)).filter((w) => /nearly full/.test(w.message))).toEqual([]);
  });
});
