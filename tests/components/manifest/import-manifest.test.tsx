import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  curlCommand,
  fileBase,
  manifestFileName,
} from '../../../src/components/manifest/export-files';
import {
  analyseManifestText,
  referencedSecrets,
} from '../../../src/components/manifest/import-manifest';
import { buildManifest, withSecrets } from '../../../src/shared/lib/manifest';
import { serializeManifest } from '../../../src/shared/lib/manifest/io';
import { validDraft } from '../../shared/lib/manifest-fixtures';

describe('analyseManifestText', () => {
  it('summarises a valid manifest and names the secrets to enter again', () => {
    const d = validDraft();
    d.dns = { ...d.dns, mode: 'byo-api', domain: 'acme.example', registrar: 'namecheap' };
    const m = buildManifest(d);
    const r = analyseManifestText(serializeManifest(m, 'yaml'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.summary).toEqual({
      name: 'acme',
      provider: 'Hetzner Cloud',
      regions: m.spec.infrastructure.regions.map((x) => x.cloudRegion),
      componentCount: m.spec.components.length,
    });
    expect(r.carried).toEqual([]);
    expect(r.missing.map((f) => `${f.ref}: ${f.label}`)).toEqual([
      'provider-credentials: Hetzner Cloud API token',
      'cold-tier-credentials: Cold-tier access key id',
      'cold-tier-credentials: Cold-tier secret access key',
      'registrar-credentials: Namecheap API token',
    ]);
  });

  it('reads carried secrets and leaves only the absent ones to enter', () => {
    const m = withSecrets(buildManifest(validDraft()), {
      providerToken: 'tok',
      registrarToken: '',
      coldAccessKeyId: 'AKIA0123456789AB',
      coldSecretAccessKey: 'abcdefghijklmnop',
    });
    const r = analyseManifestText(serializeManifest(m, 'json', { includeSecrets: true }));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.secrets.providerToken).toBe('tok');
    expect(r.carried.map((f) => f.key)).toEqual([
      'providerToken',
      'coldAccessKeyId',
      'coldSecretAccessKey',
    ]);
    expect(r.missing).toEqual([]);
    expect(referencedSecrets(m).every((f) => f.ref.endsWith('-credentials'))).toBe(true);
  });

  it('never throws; invalid input always carries at least one problem with a path', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const r = analyseManifestText(text);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.path).not.toBe('');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('export file names and curl', () => {
  it('names files after the Sovereign, with a fallback', () => {
    expect(manifestFileName('acme', 'yaml')).toBe('acme.sovereign.yaml');
    expect(manifestFileName('', 'json')).toBe('sovereign.sovereign.json');
    expect(fileBase('../etc/passwd x')).toBe('etc-passwd-x');
  });

  it('POSTs the file by name with a content type and an idempotency key', () => {
    expect(curlCommand('https://catalyst.example/', 'acme.sovereign.yaml', 'k-1')).toBe(
      [
        'curl -X POST https://catalyst.example/api/v1/deployments \\',
        "  -H 'Content-Type: application/yaml' \\",
        "  -H 'Idempotency-Key: k-1' \\",
        '  --data-binary @acme.sovereign.yaml',
      ].join('\n'),
    );
  });
});
