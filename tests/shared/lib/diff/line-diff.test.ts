import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyHunks, diffLines, splitLines } from '../../../../src/shared/lib/diff/line-diff';
import { formatHunk } from '../../../../src/shared/lib/diff/unified';

/** Length of a longest common subsequence, by the textbook dynamic programme. */
function lcs(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

const counts = (hunks: ReturnType<typeof diffLines>) => {
  let plus = 0;
  let minus = 0;
  for (const h of hunks)
    for (const l of h.lines) {
      if (l.op === '+') plus++;
      if (l.op === '-') minus++;
    }
  return { plus, minus };
};

// Few distinct lines, so that texts share a lot and the search has real work to do.
const text = fc
  .array(fc.constantFrom('a\n', 'b\n', 'c\n', 'd\n', '\n', 'e'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('splitLines', () => {
  it('keeps every terminator, so joining gives the text back', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\nb')).toEqual(['a\n', 'b']);
    expect(splitLines('a\n\n')).toEqual(['a\n', '\n']);
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(splitLines(s).join('')).toBe(s);
      }),
    );
  });
});

describe('diffLines', () => {
  it('property: applying the hunks gives the new text, for any context', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), (a, b, context) => {
        const la = splitLines(a);
        const lb = splitLines(b);
        expect(applyHunks(la, diffLines(la, lb, context)).join('')).toBe(b);
      }),
      { numRuns: 500 },
    );
  });

  it('property: the edit script is a shortest one (n + m − 2·LCS lines changed)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const la = splitLines(a);
        const lb = splitLines(b);
        const { plus, minus } = counts(diffLines(la, lb));
        const common = lcs(la, lb);
        expect(minus).toBe(la.length - common);
        expect(plus).toBe(lb.length - common);
      }),
      { numRuns: 500 },
    );
  });

  it('no hunks for equal texts; 3 lines of context; distant changes in separate hunks', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`);
    expect(diffLines(lines, lines)).toEqual([]);
    const next = [...lines];
    next[1] = 'two\n';
    next[17] = 'eighteen\n';
    const hunks = diffLines(lines, next);
    expect(hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines])).toEqual([
      [1, 5, 1, 5],
      [15, 6, 15, 6],
    ]);
    expect(formatHunk(hunks[0]!)).toBe(
      '@@ -1,5 +1,5 @@\n line 1\n-line 2\n+two\n line 3\n line 4\n line 5\n',
    );
    // 6 kept lines between two changes: still one hunk (2 × 3 context lines touch).
    const close = [...lines];
    close[2] = 'x\n';
    close[9] = 'y\n';
    expect(diffLines(lines, close)).toHaveLength(1);
  });

  it('property: the unified text applies with patch(1) exactly as diff -u would', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'line-diff-'));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const hunks = diffLines(splitLines(a), splitLines(b));
        if (hunks.length === 0) return;
        const file = path.join(dir, 'f');
        writeFileSync(file, a);
        const patch = `--- a/f\n+++ b/f\n${hunks.map(formatHunk).join('')}`;
        const r = spawnSync('patch', ['-s', '-o', '-', file], { input: patch, encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect(r.stdout).toBe(b);
      }),
      { numRuns: 60 },
    );
  });

  it('applyHunks refuses hunks of another text', () => {
    const hunks = diffLines(['a\n', 'b\n'], ['a\n', 'c\n']);
    expect(() => applyHunks(['x\n', 'b\n'], hunks)).toThrow(/does not match/);
  });
});
