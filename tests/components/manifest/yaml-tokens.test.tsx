import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeYaml, type YamlToken } from '../../../src/components/manifest/yaml-tokens';
import { renderFluxTree } from '../../../src/shared/lib/flux/render-flux-tree';
import { buildManifest } from '../../../src/shared/lib/manifest';
import { serializeManifest } from '../../../src/shared/lib/manifest-io';
import { validDraft } from '../../shared/lib/manifest-fixtures';

const kinds = (line: string) =>
  tokenizeYaml(line)[0]!
    .filter((t) => t.kind !== 'plain')
    .map((t) => [t.kind, t.text.trim()]);

describe('tokenizeYaml', () => {
  it.each<[string, string[][]]>([
    [
      'name: acme',
      [
        ['key', 'name'],
        ['punct', ':'],
        ['string', 'acme'],
      ],
    ],
    [
      '  count: 3 # HA',
      [
        ['key', 'count'],
        ['punct', ':'],
        ['number', '3'],
        ['comment', '# HA'],
      ],
    ],
    [
      '- ns1.openova.io',
      [
        ['punct', '-'],
        ['string', 'ns1.openova.io'],
      ],
    ],
    [
      '- id: flux',
      [
        ['punct', '-'],
        ['key', 'id'],
        ['punct', ':'],
        ['string', 'flux'],
      ],
    ],
    [
      'enabled: true',
      [
        ['key', 'enabled'],
        ['punct', ':'],
        ['keyword', 'true'],
      ],
    ],
    [
      'version: null',
      [
        ['key', 'version'],
        ['punct', ':'],
        ['keyword', 'null'],
      ],
    ],
    [
      'url: "https://x.io/a#b"',
      [
        ['key', 'url'],
        ['punct', ':'],
        ['string', '"https://x.io/a#b"'],
      ],
    ],
    [
      'endpoint: seaweedfs.storage.svc:8333',
      [
        ['key', 'endpoint'],
        ['punct', ':'],
        ['string', 'seaweedfs.storage.svc:8333'],
      ],
    ],
    [
      '# yaml-language-server: $schema=/x.json',
      [['comment', '# yaml-language-server: $schema=/x.json']],
    ],
    [
      'tls: { issuer: letsencrypt }',
      [
        ['key', 'tls'],
        ['punct', ':'],
        ['punct', '{'],
        ['key', 'issuer'],
        ['punct', ':'],
        ['string', 'letsencrypt'],
        ['punct', '}'],
      ],
    ],
    [
      '"quoted key": 1.5',
      [
        ['key', '"quoted key"'],
        ['punct', ':'],
        ['number', '1.5'],
      ],
    ],
    ['---', [['punct', '---']]],
  ])('%s', (line, expected) => {
    expect(kinds(line)).toEqual(expected);
  });

  it('colours a block scalar body as a string', () => {
    const lines = tokenizeYaml('script: |\n  echo: hi\n  # not a comment\nnext: 1');
    expect(lines[1]).toEqual([{ kind: 'string', text: '  echo: hi' }]);
    expect(lines[2]).toEqual([{ kind: 'string', text: '  # not a comment' }]);
    expect(lines[3]![0]).toEqual({ kind: 'key', text: 'next' });
  });

  it('gives back every line exactly, for any text', () => {
    const join = (tokens: YamlToken[]) => tokens.map((t) => t.text).join('');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(tokenizeYaml(text).map(join)).toEqual(text.split('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a key on every mapping line of a manifest and its Flux files', () => {
    const manifest = buildManifest(validDraft());
    const texts = [
      serializeManifest(manifest, 'yaml'),
      ...renderFluxTree(manifest)
        .filter((f) => f.path.endsWith('.yaml'))
        .map((f) => f.content),
    ];
    for (const text of texts) {
      for (const [i, tokens] of tokenizeYaml(text).entries()) {
        const line = text.split('\n')[i]!;
        if (/^\s*(- )*[A-Za-z$][\w.$/-]*:(\s|$)/.test(line))
          expect(
            tokens.some((t) => t.kind === 'key'),
            line,
          ).toBe(true);
      }
    }
  });
});
