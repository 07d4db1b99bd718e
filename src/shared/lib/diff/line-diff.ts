// A line diff: Myers' O((N+M)·D) shortest edit script over the lines of two texts, and its
// unified hunks with context. Lines keep their terminator, so a text rebuilt from a diff is
// byte-for-byte the original (a last line without "\n" stays without one).

/** One line of a hunk: kept (' '), added ('+') or removed ('-'); `text` has no "\n". */
export interface DiffLine {
  readonly op: ' ' | '+' | '-';
  readonly text: string;
  /** True for a last line that has no terminating "\n" ("\ No newline at end of file"). */
  readonly noNewline?: true;
}

/** A run of changes with its context; starts are 1-based line numbers, as in `diff -u`. */
export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly lines: readonly DiffLine[];
}

/** An edit: keep, add or remove one line (indices into the old/new line arrays). */
type Edit = { op: ' '; a: number; b: number } | { op: '-'; a: number } | { op: '+'; b: number };

/** Splits a text into lines, each with its "\n" (the last one may lack it). "" has no lines. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** The line as a hunk line: its text without "\n", flagged when it had none. */
export function toDiffLine(op: DiffLine['op'], line: string): DiffLine {
  return line.endsWith('\n')
    ? { op, text: line.slice(0, -1) }
    : { op, text: line, noNewline: true };
}

/** The line a hunk line stands for, with its terminator restored. */
export const lineOf = (l: DiffLine): string => (l.noNewline ? l.text : `${l.text}\n`);

/** Myers' greedy forward search on integer-coded lines; returns the edit script in order. */
function myers(a: readonly number[], b: readonly number[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  return backtrack(trace, n, m, found);
}

/** Walks the saved frontiers back from (n, m) to (0, 0), collecting the edits. */
function backtrack(trace: readonly Int32Array[], n: number, m: number, dEnd: number): Edit[] {
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d >= 0; d--) {
    // trace[d] holds v[-d-1 .. d+1] as it was before step d.
    const frame = trace[d]!;
    const at = (k: number) => frame[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) edits.push({ op: ' ', a: --x, b: --y });
    if (d > 0) {
      if (down) edits.push({ op: '+', b: --y });
      else edits.push({ op: '-', a: --x });
    }
  }
  return edits.reverse();
}

/** The shortest edit script from `a` to `b`: common prefix and suffix kept, Myers between. */
function editScript(a: readonly string[], b: readonly string[]): Edit[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (
    suf < a.length - pre &&
    suf < b.length - pre &&
    a[a.length - 1 - suf] === b[b.length - 1 - suf]
  )
    suf++;
  const codes = new Map<string, number>();
  const code = (s: string) => {
    let c = codes.get(s);
    if (c === undefined) codes.set(s, (c = codes.size));
    return c;
  };
  const midA = a.slice(pre, a.length - suf).map(code);
  const midB = b.slice(pre, b.length - suf).map(code);
  const edits: Edit[] = [];
  for (let i = 0; i < pre; i++) edits.push({ op: ' ', a: i, b: i });
  for (const e of myers(midA, midB)) {
    if (e.op === ' ') edits.push({ op: ' ', a: e.a + pre, b: e.b + pre });
    else if (e.op === '-') edits.push({ op: '-', a: e.a + pre });
    else edits.push({ op: '+', b: e.b + pre });
  }
  for (let i = suf; i > 0; i--) edits.push({ op: ' ', a: a.length - i, b: b.length - i });
  return edits;
}

/** The unified hunks turning `a` into `b` (lines from `splitLines`), `context` lines around each change. */
export function diffLines(a: readonly string[], b: readonly string[], context = 3): Hunk[] {
  const edits = editScript(a, b);
  // posA[i], posB[i]: how many old / new lines come before edit i.
  const posA = new Int32Array(edits.length + 1);
  const posB = new Int32Array(edits.length + 1);
  const changes: number[] = [];
  edits.forEach((e, i) => {
    posA[i + 1] = posA[i]! + (e.op === '+' ? 0 : 1);
    posB[i + 1] = posB[i]! + (e.op === '-' ? 0 : 1);
    if (e.op !== ' ') changes.push(i);
  });
  const hunks: Hunk[] = [];
  for (let c = 0; c < changes.length;) {
    let last = c;
    // Changes at most 2·context kept lines apart share one hunk.
    while (last + 1 < changes.length && changes[last + 1]! - changes[last]! - 1 <= 2 * context)
      last++;
    const from = Math.max(0, changes[c]! - context);
    const to = Math.min(edits.length, changes[last]! + 1 + context);
    hunks.push(hunkOf(edits, from, to, posA, posB, a, b));
    c = last + 1;
  }
  return hunks;
}

function hunkOf(
  edits: readonly Edit[],
  from: number,
  to: number,
  posA: Int32Array,
  posB: Int32Array,
  a: readonly string[],
  b: readonly string[],
): Hunk {
  const lines: DiffLine[] = [];
  for (let i = from; i < to; i++) {
    const e = edits[i]!;
    lines.push(toDiffLine(e.op, e.op === '+' ? b[e.b]! : a[e.a]!));
  }
  const oldLines = posA[to]! - posA[from]!;
  const newLines = posB[to]! - posB[from]!;
  // As diff -u: 1-based; an empty side names the line after which the change applies.
  return {
    oldStart: posA[from]! + (oldLines > 0 ? 1 : 0),
    oldLines,
    newStart: posB[from]! + (newLines > 0 ? 1 : 0),
    newLines,
    lines,
  };
}

/**
 * Applies hunks to the old lines; every kept and removed line must match, else it throws
 * (the diff is not of this text). Returns the new lines.
 */
export function applyHunks(old: readonly string[], hunks: readonly Hunk[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    const start = h.oldLines > 0 ? h.oldStart - 1 : h.oldStart;
    if (start < at || start > old.length)
      throw new Error(`hunk at line ${h.oldStart} out of order`);
    while (at < start) out.push(old[at++]!);
    for (const l of h.lines) {
      if (l.op === '+') {
        out.push(lineOf(l));
        continue;
      }
      if (old[at] !== lineOf(l))
        throw new Error(`line ${at + 1} does not match the hunk at line ${h.oldStart}`);
      if (l.op === ' ') out.push(old[at]!);
      at++;
    }
  }
  while (at < old.length) out.push(old[at++]!);
  return out;
}
