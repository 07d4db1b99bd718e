import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPONENTS, getComponent } from '../../../src/shared/constants/components';
import { CATALOG_INDEX } from '../../../src/shared/lib/catalog-graph';
import { createDefaultDraft, validateDraft } from '../../../src/shared/lib/draft';
import {
  buildManifest,
  canonicalDraft,
  draftFromManifest,
  draftSecretsFromManifest,
  withSecrets,
} from '../../../src/shared/lib/manifest';
import { resolveSelection } from '../../../src/shared/lib/resolve-selection';
import { validateManifest } from '../../../src/shared/lib/manifest/validate';
import { draftArb, looseDraftArb, validDraft } from './manifest-fixtures';

describe('buildManifest / draftFromManifest', () => {
  it('are exact inverses on random valid drafts', () => {
    fc.assert(
      fc.property(draftArb, (d) => {
        expect(validateDraft(d)).toEqual([]);
        expect(draftFromManifest(buildManifest(d))).toEqual(d);
      }),
      { numRuns: 300 },
    );
  });

  it('builds a manifest that validates for every valid draft', () => {
    fc.assert(
      fc.property(draftArb, (d) => {
        const r = validateManifest(buildManifest(d));
        expect(r.ok ? [] : r.problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips any draft to its canonical form, and never throws', () => {
    fc.assert(
      fc.property(looseDraftArb, (d) => {
        expect(draftFromManifest(buildManifest(d))).toEqual(canonicalDraft(d));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the wizard defaults as they are (the default draft is canonical)', () => {
    const d = createDefaultDraft();
    expect(canonicalDraft(d)).toEqual(d);
    expect(draftFromManifest(buildManifest(d))).toEqual(d);
  });

  it('lists the resolved installed set with reasons and a valid install order', () => {
    const d = validDraft();
    d.components.chosen = ['velero', 'langfuse'];
    const m = buildManifest(d);
    const installed = resolveSelection(CATALOG_INDEX, d.components.chosen).installed;
    expect(m.spec.components.map((c) => c.id)).toEqual([...installed]);
    const reason = (id: string) => m.spec.components.find((c) => c.id === id)?.reason;
    expect(reason('cilium')).toBe('mandatory');
    expect(reason('langfuse')).toBe('chosen');
    expect(reason('keycloak')).toBe('locked');
    const pos = new Map(m.spec.installOrder.map((id, i) => [id, i]));
    for (const id of m.spec.installOrder)
      for (const dep of getComponent(id as never).dependsOn)
        expect(pos.get(dep)).toBeLessThan(pos.get(id)!);
    expect(m.spec.components.find((c) => c.id === 'cilium')?.requiredBy).toContain('cert-manager');
  });

  it('marks a component needed only by a chosen one as a dependency', () => {
    const d = validDraft();
    d.components.chosen = ['librechat'];
    const m = buildManifest(d);
    expect(m.spec.components.find((c) => c.id === 'vllm')?.reason).toBe('dependency');
    expect(draftFromManifest(m).components.chosen).toEqual(['librechat']);
  });

  it('records a chosen component as chosen even when a mandatory one also needs it', () => {
    const m = buildManifest(createDefaultDraft());
    expect(m.spec.components.find((c) => c.id === 'keycloak')?.reason).toBe('chosen');
  });

  it('versions are the catalog chart versions, null without a chart', () => {
    const m = buildManifest(validDraft());
    for (const c of m.spec.components)
      expect(c.version).toBe(COMPONENTS.find((x) => x.id === c.id)?.chart?.version ?? null);
  });

  it('maps controlPlane.ha to a count of 3 or 1 and names regions region-<n>', () => {
    const d = validDraft();
    d.infrastructure.regions[1]!.controlPlane.ha = false;
    const regions = buildManifest(d).spec.infrastructure.regions;
    expect(regions.map((r) => [r.name, r.controlPlane.count])).toEqual([
      ['region-1', 3],
      ['region-2', 1],
    ]);
  });

  it('builds a manifest for an invalid draft too (Review shows it), which then fails validation', () => {
    const m = buildManifest(createDefaultDraft());
    const r = validateManifest(m);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path)).toContain('metadata.name');
  });

  it('carries secrets only through withSecrets, and reads them back', () => {
    const d = validDraft();
    d.dns = { ...d.dns, mode: 'byo-api', domain: 'acme.com', subdomain: '' };
    const m = buildManifest(d);
    expect(m.secrets).toBeUndefined();
    expect(JSON.stringify(m)).not.toContain('s3cr3t');
    const secrets = {
      providerToken: 'p'.repeat(64),
      registrarToken: 'r'.repeat(40),
      coldAccessKeyId: 'AKIAEXAMPLE12345',
      coldSecretAccessKey: 's3cr3t-s3cr3t-s3cr3t',
    };
    const withS = withSecrets(m, secrets);
    expect(Object.keys(withS.secrets ?? {}).sort()).toEqual([
      'cold-tier-credentials',
      'provider-credentials',
      'registrar-credentials',
    ]);
    expect(draftSecretsFromManifest(withS)).toEqual(secrets);
    expect(validateManifest(withS).ok).toBe(true);
  });
});
