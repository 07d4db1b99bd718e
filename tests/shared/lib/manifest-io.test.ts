import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildManifest, withSecrets } from '../../../src/shared/lib/manifest';
import {
  MANIFEST_API_VERSION_V1ALPHA0,
  parseManifestText,
  serializeManifest,
} from '../../../src/shared/lib/manifest/io';
import { draftArb, validDraft } from './manifest-fixtures';

const manifest = () => buildManifest(validDraft());
const SECRETS = {
  providerToken: 'T'.repeat(64),
  registrarToken: '',
  coldAccessKeyId: 'AKIAEXAMPLE000000',
  coldSecretAccessKey: 'very-secret-value-1234',
};

describe('serializeManifest', () => {
  it('starts YAML with the yaml-language-server modeline', () => {
    expect(serializeManifest(manifest(), 'yaml').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=/schema/sovereign-v1alpha1.json',
    );
    expect(
      serializeManifest(manifest(), 'yaml', { schemaUrl: 'https://x.example/s.json' }),
    ).toMatch(/^# yaml-language-server: \$schema=https:\/\/x\.example\/s\.json\n/);
  });

  it('leaves secrets out unless asked', () => {
    const m = withSecrets(manifest(), SECRETS);
    for (const format of ['yaml', 'json'] as const) {
      expect(serializeManifest(m, format)).not.toContain('very-secret-value');
      expect(serializeManifest(m, format, { includeSecrets: true })).toContain('very-secret-value');
    }
  });

  it.each(['yaml', 'json'] as const)('round-trips through %s for random drafts', (format) => {
    fc.assert(
      fc.property(draftArb, (d) => {
        const m = buildManifest(d);
        const r = parseManifestText(serializeManifest(m, format));
        expect(r.ok && r.format).toBe(format);
        if (r.ok)
          expect({ ...r.manifest, $schema: undefined }).toEqual({ ...m, $schema: undefined });
      }),
      { numRuns: 60 },
    );
  });

  it('round-trips secrets when included', () => {
    const m = withSecrets(manifest(), SECRETS);
    const r = parseManifestText(serializeManifest(m, 'yaml', { includeSecrets: true }));
    expect(r.ok && r.manifest.secrets).toEqual(m.secrets);
  });
});

describe('parseManifestText', () => {
  it.each<[string, string, string]>([
    ['broken YAML', 'a: [', '(document): line 1, column 5'],
    ['an empty document', '  \n', '(document): the document is empty'],
    ['a list', '- 1\n- 2', '(root): expected a mapping'],
    [
      'another kind',
      'apiVersion: v1\nkind: ConfigMap\n',
      'kind: expected "Sovereign", found "ConfigMap"',
    ],
    [
      'another apiVersion',
      'apiVersion: catalyst.openova.io/v2\nkind: Sovereign\n',
      'apiVersion: "catalyst.openova.io/v2" is not supported',
    ],
    ['two documents', 'a: 1\n---\nb: 2\n', 'expected one YAML document'],
    ['duplicate keys', 'a: 1\na: 2\n', 'Map keys must be unique'],
    [
      'an alias bomb',
      'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      'could not read the document',
    ],
  ])('reports %s', (_, text, expected) => {
    const r = parseManifestText(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toContain(
      expected,
    );
  });

  it('names every problem of a valid-looking document with its path', () => {
    const text = serializeManifest(manifest(), 'yaml')
      .replace('- id: velero', '- id: veloro')
      .replace('email: ops@acme.example', 'email: nope');
    const r = parseManifestText(text);
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'spec.organization.email',
        expect.stringMatching(/^spec\.components\[\d+\]\.id$/),
      ]),
    );
  });

  it('migrates v1alpha0 (components as chosen ids) to v1alpha1', () => {
    const m = manifest();
    const chosen = m.spec.components.filter((c) => c.reason === 'chosen').map((c) => c.id);
    const { installOrder: _o, ...spec } = m.spec;
    const old = {
      ...m,
      apiVersion: MANIFEST_API_VERSION_V1ALPHA0,
      spec: { ...spec, components: chosen },
    };
    const r = parseManifestText(stringify(old));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBe(MANIFEST_API_VERSION_V1ALPHA0);
      expect(r.manifest).toEqual(m);
    }
    const bad = { ...old, spec: { ...old.spec, components: ['veloro'] } };
    const rb = parseManifestText(JSON.stringify(bad));
    expect(!rb.ok && rb.problems[0]).toEqual({
      path: 'spec.components[0]',
      message: 'unknown component "veloro"',
    });
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (text) => {
        const r = parseManifestText(text);
        expect(r.ok || r.problems.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutated valid documents, and always names a path', () => {
    const base = serializeManifest(manifest(), 'yaml');
    const lines = base.split('\n');
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(lines.length - 1) }),
      fc.record({
        kind: fc.constant('replace' as const),
        at: fc.nat(lines.length - 1),
        text: fc.string({ maxLength: 20 }),
      }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(lines.length - 1),
        text: fc.string({ maxLength: 20 }),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(base.length) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let text = base;
        for (const mu of mutations) {
          const ls = text.split('\n');
          if (mu.kind === 'truncate') text = text.slice(0, mu.at);
          else if (mu.kind === 'delete') text = ls.filter((_, i) => i !== mu.at).join('\n');
          else if (mu.kind === 'replace')
            text = ls
              .map((l, i) => (i === mu.at ? l.replace(/:.*$/, `: ${mu.text}`) : l))
              .join('\n');
          else text = [...ls.slice(0, mu.at), mu.text, ...ls.slice(mu.at)].join('\n');
        }
        const r = parseManifestText(text);
        if (!r.ok) for (const p of r.problems) expect(p.path.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});
