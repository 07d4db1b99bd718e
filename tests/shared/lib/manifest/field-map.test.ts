import { describe, expect, it } from 'vitest';
import {
  FIELD_MAP,
  type FieldLink,
  draftFieldOfManifestPath,
  fieldProblems,
  manifestPathOfDraftPath,
} from '../../../../src/shared/lib/manifest/field-map';
import { createDefaultDraft } from '../../../../src/shared/lib/draft-defaults';

describe('draftFieldOfManifestPath', () => {
  it.each([
    ['metadata.name', 'infrastructure', 'infrastructure.sovereignName'],
    ['spec.organization.email', 'infrastructure', 'infrastructure.organization.email'],
    ['spec.infrastructure.sshPublicKey', 'infrastructure', 'infrastructure.sshPublicKey'],
    [
      'spec.infrastructure.regions[0].workers.count',
      'infrastructure',
      'infrastructure.regions.0.workers.count',
    ],
    [
      'spec.infrastructure.regions[1].controlPlane.count',
      'infrastructure',
      'infrastructure.regions.1.controlPlane.ha',
    ],
    ['spec.infrastructure.regions[1]', 'infrastructure', 'infrastructure.regions.1.workers.size'],
    ['spec.infrastructure.credentialsSecretRef.name', 'infrastructure', 'secrets.providerToken'],
    ['spec.storage.tiers[0].maxAgeDays', 'storage', 'storage.tiers.hotDays'],
    ['spec.storage.tiers[1].maxAgeDays', 'storage', 'storage.tiers.warmDays'],
    ['spec.storage.tiers[2].bucket', 'storage', 'storage.cold.bucket'],
    ['spec.storage.seaweedfs.replication', 'storage', 'storage.seaweedfs.replication'],
    ['spec.dns.domain', 'dns', 'dns.domain'],
    ['spec.dns.dnssec.enabled', 'dns', 'dns.dnssec'],
    ['spec.dns.registrarSecretRef', 'dns', 'secrets.registrarToken'],
    ['secrets.provider-credentials.token', 'infrastructure', 'secrets.providerToken'],
    ['secrets.cold-tier-credentials.secretAccessKey', 'storage', 'secrets.coldSecretAccessKey'],
    ['spec.components[3].id', 'components', null],
  ])('%s -> %s %s', (manifestPath, step, path) => {
    expect(draftFieldOfManifestPath(manifestPath)).toEqual({ step, path });
  });

  it('inverts manifestPathOfDraftPath for the wizard fields', () => {
    for (const path of [
      'infrastructure.sovereignName',
      'infrastructure.organization.name',
      'infrastructure.regions.0.cloudRegion',
      'infrastructure.regions.1.workers.size',
      'storage.cold.accountId',
      'storage.tiers.warmDays',
      'dns.subdomain',
    ]) {
      expect(draftFieldOfManifestPath(manifestPathOfDraftPath(path))?.path).toBe(path);
    }
  });

  it("places settings and values problems on their component's settings panel fields", () => {
    const ids = ['flux', 'cilium', 'cnpg'];
    expect(draftFieldOfManifestPath('spec.components[2].settings.instances', ids)).toEqual({
      step: 'components',
      path: 'components.settings.cnpg.instances',
    });
    expect(draftFieldOfManifestPath('spec.components[2].settings', ids)).toEqual({
      step: 'components',
      path: 'components.settings.cnpg',
    });
    expect(draftFieldOfManifestPath('spec.components[1].values.operator.replicas', ids)).toEqual({
      step: 'components',
      path: 'components.values.cilium',
    });
    // Without the manifest's ids (or past its end) the step is still known, the field is not.
    expect(draftFieldOfManifestPath('spec.components[2].settings.instances')).toEqual({
      step: 'components',
      path: null,
    });
    expect(draftFieldOfManifestPath('spec.components[7].values.x', ids)?.path).toBeNull();
    const placed = fieldProblems(
      [{ path: 'spec.components[2].values.replicaCount', message: 'must be integer' }],
      ids,
    );
    expect(placed).toEqual([
      {
        step: 'components',
        path: 'components.values.cnpg',
        message: 'must be integer',
        manifestPath: 'spec.components[2].values.replicaCount',
      },
    ]);
  });

  it('puts unknown paths on Review, in step order', () => {
    const placed = fieldProblems([
      { path: '(root)', message: 'not an object' },
      { path: 'spec.dns.domain', message: 'bad' },
      { path: 'metadata.name', message: 'bad name' },
    ]);
    expect(placed.map((p) => [p.step, p.path])).toEqual([
      ['infrastructure', 'infrastructure.sovereignName'],
      ['dns', 'dns.domain'],
      ['review', null],
    ]);
  });
});

describe('the two path mappings', () => {
  /** Every leaf field of a draft, as a dotted path. */
  function leafPaths(value: unknown, prefix = ''): string[] {
    if (typeof value !== 'object' || value === null) return [prefix];
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return [prefix];
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }

  it('lead from every draft field to its manifest path and back', () => {
    const draft = createDefaultDraft();
    const paths = leafPaths(draft).filter((p) => !p.startsWith('components.'));
    expect(paths.length).toBeGreaterThan(30);
    for (const path of paths) {
      const manifestPath = manifestPathOfDraftPath(path);
      expect(draftFieldOfManifestPath(manifestPath)?.path, `${path} -> ${manifestPath}`).toBe(path);
    }
  });
});

describe('the field map', () => {
  /**
   * A path a pattern stands for: every index 2, a carried rest (`.*`) of three segments, one an
   * index, each in its own spelling; `.**` the path itself (`below` false) or one below it.
   */
  function instance(pattern: string, spelling: 'draft' | 'manifest', below = false): string {
    const base = pattern.replace(/\{\w+\}/g, '2');
    if (base.endsWith('.**')) return base.slice(0, -3) + (below ? '.sample' : '');
    if (base.endsWith('.*'))
      return base.slice(0, -2) + (spelling === 'draft' ? '.sample.1.leaf' : '.sample[1].leaf');
    return base;
  }

  it.each(FIELD_MAP.filter((l) => l.draft !== null).map((l) => [l.draft, l.manifest, l]))(
    '%s and %s lead to each other',
    (_draft, _manifest, link) => {
      const draftPath = instance(link.draft!, 'draft');
      const manifestPath = instance(link.manifest, 'manifest');
      expect(manifestPathOfDraftPath(draftPath)).toBe(manifestPath);
      expect(draftFieldOfManifestPath(manifestPath)).toEqual({ step: link.step, path: draftPath });
    },
  );

  it.each(
    FIELD_MAP.flatMap((l) =>
      [...(l.draft === null ? [l.manifest] : []), ...(l.also ?? [])].map(
        (m): [string, FieldLink] => [m, l],
      ),
    ),
  )('problems at %s are placed on their field', (pattern, link) => {
    const field = { step: link.step, path: link.draft && instance(link.draft, 'draft') };
    expect(draftFieldOfManifestPath(instance(pattern, 'manifest'))).toEqual(field);
    expect(draftFieldOfManifestPath(instance(pattern, 'manifest', true))).toEqual(field);
  });

  it('keeps the same indices on both sides of an entry', () => {
    const names = (p: string) => [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const link of FIELD_MAP) {
      for (const m of [link.manifest, ...(link.also ?? [])]) {
        if (link.draft !== null) expect(names(m), m).toEqual(names(link.draft));
      }
    }
  });
});
