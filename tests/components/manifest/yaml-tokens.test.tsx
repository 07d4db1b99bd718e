import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPair, isScalar, parseDocument, Scalar, stringify, visit } from 'yaml';
import { tokenizeYaml, type YamlToken } from '../../../src/components/manifest/yaml-tokens';
import { renderFluxTree } from '../../../src/shared/lib/flux/render-flux-tree';
import { buildManifest } from '../../../src/shared/lib/manifest';
import { serializeManifest } from '../../../src/shared/lib/manifest/io';
import { validDraft } from '../../shared/lib/manifest-fixtures';

const kinds = (line: string) =>
  tokenizeYaml(line)[0]!
    .filter((t) => t.kind !== 'plain')
    .map((t) => [t.kind, t.text.trim()]);

const join = (tokens: YamlToken[]) => tokens.map((t) => t.text).join('');

/** Offsets in the whole text of the characters coloured as keys. */
function keyOffsets(lines: YamlToken[][]): Set<number> {
  const at = new Set<number>();
  let offset = 0;
  for (const tokens of lines) {
    for (const t of tokens) {
      if (t.kind === 'key') for (let i = 0; i < t.text.length; i++) at.add(offset + i);
      offset += t.text.length;
    }
    offset += 1;
  }
  return at;
}

/** Where the yaml package's own parse puts each mapping key (a block key without its header). */
function keyRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  visit(parseDocument(text), {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return;
      const [start, end] = pair.key.range;
      const block = pair.key.type === Scalar.BLOCK_LITERAL || pair.key.type === Scalar.BLOCK_FOLDED;
      ranges.push([block ? text.indexOf('\n', start) + 1 : start, end]);
    },
  });
  return ranges;
}

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
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(tokenizeYaml(text).map(join)).toEqual(text.split('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('colours a multi-line key written as a block scalar as a key', () => {
    const lines = tokenizeYaml('? |-\n  two\n  lines\n: 1');
    expect(lines[0]).toEqual([
      { kind: 'punct', text: '?' },
      { kind: 'plain', text: ' ' },
      { kind: 'punct', text: '|-' },
    ]);
    expect(lines[1]).toEqual([{ kind: 'key', text: '  two' }]);
    expect(lines[3]![0]).toEqual({ kind: 'punct', text: ':' });
  });

  it('gives back YAML of any JSON exactly and colours exactly its mapping keys as keys', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
        (value, collectionStyle) => {
          const text = stringify(value, { collectionStyle });
          const lines = tokenizeYaml(text);
          expect(lines.map(join)).toEqual(text.split('\n'));
          const keyAt = keyOffsets(lines);
          const expected = new Set<number>();
          for (const range of keyRanges(text))
            for (let i = range[0]; i < range[1]; i++) if (/\S/.test(text[i]!)) expected.add(i);
          const found = [...keyAt].filter((i) => /\S/.test(text[i]!));
          expect(found.sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
        },
      ),
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
