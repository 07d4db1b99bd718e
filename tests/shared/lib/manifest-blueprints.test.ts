import { describe, expect, it } from 'vitest';
import { draftFieldOfManifestPath } from '../../../src/shared/lib/manifest/field-map';
import { BLUEPRINT_REGISTRY_DEFAULT } from '../../../src/shared/constants/domain';
import { createDefaultDraft, validateStep } from '../../../src/shared/lib/draft';
import {
  blueprintRegistry,
  buildManifest,
  draftFromManifest,
} from '../../../src/shared/lib/manifest';
import { validateManifest } from '../../../src/shared/lib/manifest/validate';
import { validDraft } from './manifest-fixtures';

const MIRROR = 'oci://harbor.airgap.example:5000/openova/blueprints';

describe('spec.blueprints', () => {
  it('is always written, with the default registry and pull secret for a default draft', () => {
    const m = buildManifest(validDraft());
    expect(m.spec.blueprints).toEqual(BLUEPRINT_REGISTRY_DEFAULT);
    expect(validateManifest(m).ok).toBe(true);
  });

  it('refuses a registry that is not oci://host/path, naming spec.blueprints.registry', () => {
    const m = buildManifest(validDraft());
    for (const registry of ['https://x', 'oci://ghcr.io', 'oci://ghcr.io/openova-io/']) {
      const result = validateManifest({
        ...m,
        spec: { ...m.spec, blueprints: { ...m.spec.blueprints, registry } },
      });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems).toContainEqual({
        path: 'spec.blueprints.registry',
        message: expect.stringMatching(/^Blueprint registry: an OCI URL oci:\/\//) as string,
      });
    }
  });

  it('refuses a pull secret that is not a Kubernetes name', () => {
    const m = buildManifest(validDraft());
    const result = validateManifest({
      ...m,
      spec: { ...m.spec, blueprints: { registry: MIRROR, pullSecretRef: { name: 'Not_A_Name' } } },
    });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toContain(
      'spec.blueprints.pullSecretRef.name',
    );
  });

  it('round-trips a custom mirror and pull secret through the manifest', () => {
    const d = validDraft();
    d.blueprints = { registry: MIRROR, pullSecretName: 'mirror-pull' };
    const m = buildManifest(d);
    expect(m.spec.blueprints).toEqual({ registry: MIRROR, pullSecretRef: { name: 'mirror-pull' } });
    expect(validateManifest(m).ok).toBe(true);
    expect(draftFromManifest(m).blueprints).toEqual(d.blueprints);
  });

  it('reads a stored manifest from before the field as the default registry', () => {
    const { blueprints: _dropped, ...spec } = buildManifest(validDraft()).spec;
    const old = { ...buildManifest(validDraft()), spec };
    const result = validateManifest(old);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(blueprintRegistry(result.manifest)).toEqual(BLUEPRINT_REGISTRY_DEFAULT);
    expect(draftFromManifest(result.manifest).blueprints).toEqual({
      registry: 'oci://ghcr.io/openova-io',
      pullSecretName: 'ghcr-pull',
    });
  });

  it('is checked with the Components step, and server problems land on its fields', () => {
    const d = createDefaultDraft();
    d.blueprints.registry = 'https://x';
    expect(validateStep('components', d)).toContainEqual({
      step: 'components',
      path: 'blueprints.registry',
      message: expect.stringMatching(/^Blueprint registry:/) as string,
    });
    expect(draftFieldOfManifestPath('spec.blueprints.registry')).toEqual({
      step: 'components',
      path: 'blueprints.registry',
    });
    expect(draftFieldOfManifestPath('spec.blueprints.pullSecretRef.name')).toEqual({
      step: 'components',
      path: 'blueprints.pullSecretName',
    });
  });
});
