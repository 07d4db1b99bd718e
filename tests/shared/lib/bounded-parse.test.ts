// The bounds checked before any YAML/JSON parser runs, and the linear duplicate-key walk: hostile
// shapes are refused fast and never under-counted, real manifests pass with a wide margin.
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import {
  MANIFEST_LIMITS,
  checkDocument,
  lineColumn,
  scanBounds,
} from '../../../src/shared/lib/bounded-parse';
import { buildManifest, withSecrets } from '../../../src/shared/lib/manifest';
import {
  MANIFEST_API_VERSION_V1ALPHA0,
  parseManifestData,
  parseManifestText,
  serializeManifest,
} from '../../../src/shared/lib/manifest/io';
import { validDraft } from './manifest-fixtures';

const SMALL = { maxChars: 10_000, maxDepth: 4, maxEntries: 5, maxNodes: 40 };
const kindOf = (text: string, limits = SMALL) => scanBounds(text, limits)?.kind ?? null;
const manifestText = (format: 'yaml' | 'json') =>
  serializeManifest(
    withSecrets(buildManifest(validDraft()), {
      providerToken: 'T'.repeat(64),
      registrarToken: '',
      coldAccessKeyId: 'AKIAEXAMPLE000000',
      coldSecretAccessKey: 'very-secret-value-1234',
    }),
    format,
    { includeSecrets: true },
  );

/** The time of `fn` in milliseconds. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

describe('scanBounds: nesting depth', () => {
  it.each<[string, string, string | null]>([
    ['block sequences, one per line', '- a\n- - b\n  - - c\n', null],
    ['compact sequences at the limit', '- - - - x', null],
    ['compact sequences past the limit', '- - - - - x', 'too-deep'],
    ['indented mappings past the limit', 'a:\n b:\n  c:\n   d:\n    e: 1\n', 'too-deep'],
    ['a sequence under a key at the same indentation', 'a:\n- b:\n  - c:\n    - x\n', 'too-deep'],
    ['compact mappings (an error, still measured)', 'a: b: c: d: e: 1', 'too-deep'],
    ['flow sequences', '[[[[[1]]]]]', 'too-deep'],
    ['flow inside block', 'a:\n  b: [{c: [1]}]\n', 'too-deep'],
    ['flow after a tag and an anchor', 'a: !t &x [[[[1]]]]', 'too-deep'],
    ['JSON', '{"a":{"b":{"c":{"d":{"e":1}}}}}', 'too-deep'],
    ['tab-indented JSON', '\t{"a":\n\t\t{"b": 1}}', null],
    ['explicit keys', '? ? ? ? ? x', 'too-deep'],
    ['after a document marker', '--- - - - - - x', 'too-deep'],
  ])('%s', (_, text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it('does not count brackets or dashes inside quotes, comments, plain scalars or block scalars', () => {
    expect(kindOf('a: "[[[[[[[["\nb: \'{{{{{{\'\nc: x[[[[[[\n# [[[[[[[[\n')).toBe(null);
    expect(kindOf('a: |\n  - - - - - - x\n  [[[[[[[[\nb: 1\n')).toBe(null);
    expect(kindOf("a: 'it''s [[[[[['\n")).toBe(null);
  });

  it('does not let a quote inside a plain scalar hide what follows', () => {
    // `it's` is a plain scalar: the `'` opens nothing, so the deep list after it counts.
    expect(kindOf("a: it's\nb: [[[[[[1]]]]]]\n")).toBe('too-deep');
    expect(kindOf('a: say "hi\nb: [[[[[[1]]]]]]\n')).toBe('too-deep');
  });

  it('scans block scalar lines that are not indented enough to be its content', () => {
    // The scalar's content ends at the first line less indented than its first line.
    expect(kindOf('a: |\n      text\n  - - - - - - x\n')).toBe('too-deep');
    // With an explicit indentation indicator the content is scanned as structure (over-counts).
    expect(kindOf('a: |2\n  - - - - - - x\n')).toBe('too-deep');
  });
});

describe('scanBounds: entries, nodes, size, obvious errors', () => {
  it('counts the entries of each collection', () => {
    expect(kindOf('a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n')).toBe(null);
    expect(kindOf('a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n')).toBe('too-many-entries');
    expect(kindOf('- 1\n- 2\n- 3\n- 4\n- 5\n- 6\n')).toBe('too-many-entries');
    expect(kindOf('[1, 2, 3, 4, 5, 6]')).toBe('too-many-entries');
    expect(kindOf('{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}')).toBe('too-many-entries');
    // Entries are per collection: two lists of five are fine.
    expect(kindOf('a: [1, 2, 3, 4, 5]\nb: [1, 2, 3, 4, 5]\n')).toBe(null);
  });

  it('counts nodes, anchors, tags and aliases in the whole text', () => {
    const many = (s: string) => Array.from({ length: 30 }, () => s).join('');
    expect(kindOf(many('- [1, 2, 3]\n'), { ...SMALL, maxEntries: 100 })).toBe('too-many-nodes');
    expect(kindOf(many('&a &b '), { ...SMALL, maxEntries: 100 })).toBe('too-many-nodes');
    expect(kindOf(many('*a\n*b\n'), { ...SMALL, maxEntries: 100 })).toBe('too-many-nodes');
  });

  it('refuses text longer than the size limit before looking at it', () => {
    expect(scanBounds('x'.repeat(SMALL.maxChars + 1), SMALL)).toMatchObject({ kind: 'too-large' });
    expect(scanBounds('x'.repeat(SMALL.maxChars), SMALL)).toBe(null);
  });

  it.each<[string, string, number]>([
    ['a stray closing bracket', ']]]]]]', 0],
    ['a stray closing brace after a key', 'a: }', 3],
    ['a mismatched flow close', '[1, 2}', 5],
    ['collections side by side', '[][][]', 2],
    ['text after a quoted value', '"a" "b"', 4],
    ['a tab as indentation', 'a:\n\t- x\n', 3],
  ])('refuses %s at its position', (_, text, offset) => {
    expect(scanBounds(text)).toMatchObject({ kind: 'syntax', offset });
  });

  it('lets a real manifest through with a wide margin', () => {
    for (const format of ['yaml', 'json'] as const) {
      const text = manifestText(format);
      expect(scanBounds(text)).toBe(null);
      // A tenth of every limit is still enough for today's manifest.
      const tenth = {
        maxChars: MANIFEST_LIMITS.maxChars / 10,
        maxDepth: MANIFEST_LIMITS.maxDepth / 8,
        maxEntries: MANIFEST_LIMITS.maxEntries / 10,
        maxNodes: MANIFEST_LIMITS.maxNodes / 10,
      };
      expect(scanBounds(text, tenth)).toBe(null);
    }
  });

  it('never counts fewer collections or entries than the parser finds', () => {
    // The scanner's counts against the document's, over a real manifest and reshaped copies.
    const base = manifestText('yaml');
    const variants = [
      base,
      manifestText('json'),
      stringify(JSON.parse(manifestText('json')), { indentSeq: false }),
    ];
    for (const text of variants) {
      const doc = parseDocument(text);
      for (const maxEntries of [2, 5, 10, 40]) {
        const limits = { ...MANIFEST_LIMITS, maxEntries };
        if (checkDocument(doc, limits)?.kind === 'too-many-entries')
          expect(scanBounds(text, limits)?.kind).toBe('too-many-entries');
      }
      for (const maxDepth of [2, 3, 4, 5, 6]) {
        const limits = { ...MANIFEST_LIMITS, maxDepth };
        if (checkDocument(doc, limits)?.kind === 'too-deep')
          expect(scanBounds(text, limits)?.kind).toBe('too-deep');
      }
    }
  });
});

describe('checkDocument', () => {
  const check = (text: string) => checkDocument(parseDocument(text, { uniqueKeys: false }));

  it('finds a repeated key with its path and position', () => {
    const text = 'spec:\n  dns:\n    mode: a\n    mode: b\n';
    const problem = check(text);
    expect(problem).toMatchObject({ kind: 'duplicate-key', path: 'spec.dns.mode' });
    expect(lineColumn(text, problem?.offset ?? -1)).toEqual({ line: 4, col: 5 });
    expect(check('a: 1\nb: {x: 1, y: 2}\nc: [1, 1]\n')).toBe(null);
  });

  it('treats keys that toJS would merge as duplicates, and refuses complex keys', () => {
    expect(check('1: a\n"1": b\n')?.kind).toBe('duplicate-key');
    expect(check('? [a]\n: 1\n')?.kind).toBe('complex-key');
  });

  it('is linear: ten times the keys per mapping costs about ten times, not a hundred', () => {
    // A ratio of two sizes measured on the same machine at the same moment, so a loaded machine
    // slows both alike: linear work gives about 10, a quadratic duplicate-key check about 100.
    const docOf = (keys: number) =>
      parseDocument(
        Array.from(
          { length: 20 },
          (_, m) => `m${m}:\n${Array.from({ length: keys }, (_, k) => `  k${k}: v`).join('\n')}`,
        ).join('\n'),
        { uniqueKeys: false },
      );
    const small = docOf(100);
    const large = docOf(1000);
    const limits = { ...MANIFEST_LIMITS, maxNodes: 100_000 };
    const fastest = (doc: ReturnType<typeof docOf>) => {
      let best = Infinity;
      for (let i = 0; i < 7; i++) {
        const { value, ms } = timed(() => checkDocument(doc, limits));
        expect(value).toBe(null);
        best = Math.min(best, ms);
      }
      return best;
    };
    fastest(large); // warm up
    const ratio = fastest(large) / Math.max(fastest(small), 0.05);
    expect(ratio).toBeLessThan(40);
  });
});

describe('parseManifestText on hostile text', () => {
  const M = 1_000_000;
  it.each<[string, () => string, RegExp]>([
    ['1,000 nested "- " (2 KB)', () => `${'- '.repeat(1000)}x`, /nested deeper than 64 levels/],
    ['"[" x 100k', () => '['.repeat(100_000), /nested deeper than 64 levels/],
    ['"]" x 1M', () => ']'.repeat(M), /^line 1, column 1: unexpected "\]"/],
    [
      '40,000 keys in one mapping',
      () => Array.from({ length: 40_000 }, (_, i) => `k${i}: v`).join('\n'),
      /more than 1000 entries/,
    ],
    ['"&a " x 330k', () => '&a '.repeat(M / 3), /more than 20000 values/],
    ['"%" directives x 500k', () => '%\n'.repeat(M / 2), /more than 20000 values/],
    ['"[]" x 500k', () => '[]'.repeat(M / 2), /unexpected text after/],
    ['tab-indented lines', () => `a:\n${'\t- x\n'.repeat(M / 10)}`, /tabs are not allowed/],
  ])('refuses %s within 250 ms, with a plain message', (_, make, message) => {
    const text = make();
    const { value, ms } = timed(() => parseManifestText(text));
    expect(value.ok).toBe(false);
    expect(!value.ok && value.problems).toEqual([
      { path: '(document)', message: expect.stringMatching(message) },
    ]);
    expect(ms).toBeLessThan(250);
  });

  it('reports only the first syntax error, with its line and column', () => {
    const r = parseManifestText('a: 1\nb: @x\nc: @y\nd: @z\n');
    expect(!r.ok && r.problems).toEqual([
      { path: '(document)', message: expect.stringMatching(/^line 2, column 4: /) },
    ]);
  });

  it('refuses a repeated key as a problem of its path', () => {
    const text = manifestText('yaml').replace(/^(\s+)email: (.*)$/m, '$1email: $2\n$1email: $2');
    const r = parseManifestText(text);
    expect(!r.ok && r.problems).toEqual([
      {
        path: 'spec.organization.email',
        message: expect.stringMatching(
          /^Map keys must be unique: "email" appears twice \(at line \d+, column \d+\)$/,
        ),
      },
    ]);
  });

  it('refuses 20,000 keys under one secret fast', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `    k${i}: v`).join('\n');
    const text = `${manifestText('yaml')}\n`.replace(
      /^secrets:\n/m,
      `secrets:\n  flood:\n${keys}\n`,
    );
    expect(text).toContain('k19999');
    const { value, ms } = timed(() => parseManifestText(text));
    expect(!value.ok && value.problems[0]?.message).toMatch(/more than 1000 entries/);
    expect(ms).toBeLessThan(250);
  });

  it('still reads real manifests in both formats', () => {
    for (const format of ['yaml', 'json'] as const) {
      const r = parseManifestText(manifestText(format));
      expect(r.ok && r.format).toBe(format);
    }
  });
});

describe('parseManifestData with huge lists', () => {
  it('reports 150,000 unknown v1alpha0 components without overflowing the stack', () => {
    const m = buildManifest(validDraft());
    const data = {
      ...m,
      apiVersion: MANIFEST_API_VERSION_V1ALPHA0,
      spec: { ...m.spec, components: Array.from({ length: 150_000 }, () => 'nope') },
    };
    const r = parseManifestData(data, 'json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.length).toBeGreaterThanOrEqual(150_000);
  });
});
