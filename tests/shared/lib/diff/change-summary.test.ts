import { describe, expect, it } from 'vitest';
import { COMPONENTS } from '../../../../src/shared/constants/components';
import {
  changeSummary,
  formatChangeSummary,
  isStateful,
  manifestDiff,
  walkChanges,
} from '../../../../src/shared/lib/diff';
import { regionsForTopology } from '../../../../src/shared/lib/draft-defaults';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import type { Draft } from '../../../../src/shared/schemas/draft';
import { validDraft } from '../manifest-fixtures';

function change(edit: (d: Draft) => void) {
  const d = validDraft();
  const next = structuredClone(d);
  edit(next);
  return { base: buildManifest(d), next: buildManifest(next) };
}

const kinds = (s: ReturnType<typeof changeSummary>) => s.destructive.map((d) => d.kind);

describe('changeSummary', () => {
  it('adding LibreChat names it, its four dependencies with why, and the new HelmRelease files', () => {
    const { base, next } = change((d) => void d.components.chosen.push('librechat'));
    const { summary, tree } = manifestDiff(base, next);
    expect(summary.components.added.map((c) => [c.id, c.why])).toEqual([
      ['ferretdb', 'Required by LibreChat'],
      ['vllm', 'Required by LibreChat'],
      ['bge', 'Required by LibreChat'],
      ['librechat', 'Chosen by you'],
      ['llm-gateway', 'Required by LibreChat'],
    ]);
    expect(summary.components.removed).toEqual([]);
    expect(summary.sentences).toContain(
      'Adds LibreChat (chosen by you) on acme-hz-fsn1, acme-hz-nbg1.',
    );
    expect(summary.sentences).toContain(
      'Adds FerretDB (required by LibreChat) on acme-hz-fsn1, acme-hz-nbg1.',
    );
    expect(summary.title).toBe('Adds 5 components');
    expect(summary.destructive).toEqual([]);
    const added = tree.files.filter((f) => f.status === 'added').map((f) => f.path);
    for (const cluster of ['acme-hz-fsn1', 'acme-hz-nbg1'])
      for (const id of ['librechat', 'ferretdb', 'vllm', 'bge', 'llm-gateway'])
        expect(
          added.some(
            (p) => p.startsWith(`clusters/${cluster}/`) && p.endsWith(`/${id}/helm-release.yaml`),
          ),
          `${cluster} ${id}`,
        ).toBe(true);
    expect(tree.files.filter((f) => f.status === 'removed')).toEqual([]);
  });

  it('one more worker: the region change in nodes, not destructive', () => {
    const { base, next } = change((d) => void (d.infrastructure.regions[0]!.workers.count += 1));
    const s = changeSummary(base, next);
    expect(s.regions).toHaveLength(1);
    expect(s.regions[0]).toMatchObject({
      region: 'region-1',
      change: 'changed',
      nodesBefore: 7,
      nodesAfter: 8,
    });
    expect(s.regions[0]!.fields.map((f) => [f.path, f.label, f.before, f.after])).toEqual([
      ['spec.infrastructure.regions[0].workers.count', 'Workers', 4, 5],
    ]);
    expect(s.sentences).toEqual(['region-1 (fsn1): workers 4 → 5; nodes 7 → 8.']);
    expect(s.destructive).toEqual([]);
  });

  it('fewer or smaller workers, one control plane instead of three: flagged destructive', () => {
    const fewer = change((d) => void (d.infrastructure.regions[0]!.workers.count -= 1));
    expect(kinds(changeSummary(fewer.base, fewer.next))).toEqual(['region-shrunk']);
    expect(changeSummary(fewer.base, fewer.next).destructive[0]!.message).toMatch(
      /workers 4 → 3 nodes/,
    );
    const smaller = change((d) => void (d.infrastructure.regions[1]!.workers.size = 'cpx32'));
    const s = changeSummary(smaller.base, smaller.next);
    expect(kinds(s)).toEqual(['region-shrunk']);
    expect(s.destructive[0]!.subject).toBe('region-2');
    expect(s.regions[0]!.fields[0]!.afterText).toBe('cpx32 (4 vCPU, 8 GiB)');
    const bigger = change((d) => void (d.infrastructure.regions[1]!.workers.size = 'cpx52'));
    expect(changeSummary(bigger.base, bigger.next).destructive).toEqual([]);
    const cp = change((d) => void (d.infrastructure.regions[0]!.controlPlane.ha = false));
    expect(changeSummary(cp.base, cp.next).destructive[0]!.message).toMatch(
      /control plane 3 → 1 nodes/,
    );
  });

  it('removing a region (topology zoned → solo) flags the region and its cluster', () => {
    const { base, next } = change((d) => {
      d.infrastructure.topology = 'solo';
      d.infrastructure.regions = d.infrastructure.regions.slice(0, 1);
    });
    const s = changeSummary(base, next);
    expect(s.regions.map((r) => [r.region, r.change])).toEqual([['region-2', 'removed']]);
    expect(kinds(s)).toContain('region-removed');
    expect(s.destructive.find((d) => d.kind === 'region-removed')!.message).toMatch(/acme-hz-nbg1/);
    expect(s.settings.map((f) => [f.label, f.beforeText, f.afterText])).toContainEqual([
      'Topology',
      'Zoned',
      'Solo',
    ]);
  });

  it('removing a stateful component is flagged; a stateless one is not', () => {
    const stateful = change(
      (d) => void (d.components.chosen = d.components.chosen.filter((id) => id !== 'stalwart')),
    );
    const s = changeSummary(stateful.base, stateful.next);
    expect(s.components.removed.map((c) => [c.id, c.stateful, c.why])).toEqual([
      ['stalwart', true, 'Chosen by you'],
    ]);
    expect(s.destructive).toEqual([
      expect.objectContaining({ kind: 'stateful-component-removed', subject: 'stalwart' }),
    ]);
    expect(s.destructive[0]!.message).toMatch(
      /^Removing Stalwart deletes its persistent volumes \(20 GiB\) on acme-hz-fsn1, acme-hz-nbg1\.$/,
    );
    const stateless = COMPONENTS.find(
      (c) =>
        c.tier === 'recommended' &&
        c.resources.storageGiB === 0 &&
        !COMPONENTS.some((o) => o.dependsOn.includes(c.id)),
    )!;
    const plain = change(
      (d) => void (d.components.chosen = d.components.chosen.filter((id) => id !== stateless.id)),
    );
    const p = changeSummary(plain.base, plain.next);
    expect(p.components.removed.map((c) => c.id)).toEqual([stateless.id]);
    expect(p.destructive).toEqual([]);
  });

  it('a stateful component that leaves a cluster is flagged (placement moves with building blocks)', () => {
    const { base, next } = change((d) => {
      d.infrastructure.topology = 'compact';
      d.infrastructure.regions = regionsForTopology('compact', 'hetzner').map((r, i) => ({
        ...r,
        cloudRegion: ['fsn1', 'nbg1'][i]!,
      }));
    });
    const s = changeSummary(base, next);
    const leaves = s.destructive.filter((d) => d.kind === 'stateful-component-removed');
    expect(leaves.length).toBeGreaterThan(0);
    for (const d of leaves)
      expect(d.message).toMatch(/leaves acme-hz-nbg1: its volumes there are deleted/);
  });

  it('moving the cold tier is flagged; a longer hot tier is a plain setting', () => {
    const moved = change((d) => {
      d.storage.cold = {
        backend: 'aws-s3-glacier',
        bucket: 'archive',
        accountId: '',
        region: 'eu-central-1',
      };
    });
    const s = changeSummary(moved.base, moved.next);
    expect(kinds(s)).toEqual(['cold-tier-moved']);
    expect(s.destructive[0]!.message).toMatch(/Cold tier backend Cloudflare R2 → AWS S3 Glacier/);
    const hot = change((d) => void (d.storage.tiers.hotDays += 1));
    const h = changeSummary(hot.base, hot.next);
    expect(h.destructive).toEqual([]);
    expect(h.settings.map((f) => f.label)).toEqual(['Hot tier: days']);
  });

  it('every other field old → new, with labels and names: DNS policy, TLS, organisation, blueprints', () => {
    const { base, next } = change((d) => {
      d.dns.luaPolicy = 'single-region';
      d.dns.tlsIssuer = 'corporate-ca';
      d.infrastructure.organization.name = 'Acme Group';
      d.blueprints = { registry: 'oci://harbor.example/bp', pullSecretName: 'mirror-pull' };
    });
    const s = changeSummary(base, next);
    expect(s.settings.map((f) => `${f.label}: ${f.beforeText} → ${f.afterText}`)).toEqual([
      'Organisation name: Acme Corp → Acme Group',
      'PowerDNS lua-record policy: Active-active → Single region',
      "TLS issuer: Let's Encrypt (ACME) → Corporate CA",
      'Blueprint registry: oci://ghcr.io/openova-io → oci://harbor.example/bp',
      'Blueprint pull Secret: ghcr-pull → mirror-pull',
    ]);
    expect(s.title).toBe('Changes 5 settings');
  });

  it('renaming the Sovereign recreates every cluster', () => {
    const { base, next } = change((d) => {
      d.infrastructure.sovereignName = 'acme2';
      d.dns.subdomain = 'acme2';
    });
    const s = changeSummary(base, next);
    expect(kinds(s)).toContain('sovereign-recreated');
    expect(s.regions.map((r) => [r.clusterBefore, r.clusterAfter])).toEqual([
      ['acme-hz-fsn1', 'acme2-hz-fsn1'],
      ['acme-hz-nbg1', 'acme2-hz-nbg1'],
    ]);
  });

  it('a field the summary has no code for is still reported (generic walk), secrets without values', () => {
    const { base } = change(() => {});
    const next = structuredClone(base);
    next.metadata.labels = { team: 'ops' };
    next.$schema = 'https://catalyst.example/schema/sovereign-v1alpha1.json'; // editor-only: ignored
    next.secrets = { 'provider-credentials': { token: 'very-secret' } };
    const s = changeSummary(base, next);
    expect(s.settings.map((f) => [f.path, f.label, f.beforeText, f.afterText])).toEqual([
      ['metadata.labels.team', 'Label team', '(none)', 'ops'],
      [
        'secrets.provider-credentials.token',
        'Secret provider-credentials: token',
        '(none)',
        '(secret)',
      ],
    ]);
    expect(formatChangeSummary(s)).not.toContain('very-secret');
  });

  it('walkChanges: objects by key, object arrays by index, scalar arrays whole', () => {
    expect(
      walkChanges(
        { a: 1, b: [1, 2], c: [{ x: 1 }] },
        { a: 1, b: [2, 1], c: [{ x: 2 }], d: true },
        '',
      ),
    ).toEqual([
      { path: 'b', before: [1, 2], after: [2, 1] },
      { path: 'c[0].x', before: 1, after: 2 },
      { path: 'd', before: undefined, after: true },
    ]);
  });

  it('stateful is the catalog fact of persistent storage', () => {
    expect(isStateful('stalwart')).toBe(true);
    expect(isStateful('cilium')).toBe(false);
    expect(isStateful('unknown')).toBe(false);
    for (const c of COMPONENTS) expect(isStateful(c.id)).toBe(c.resources.storageGiB > 0);
  });
});
