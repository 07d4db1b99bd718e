// Bounds on manifest text, checked BEFORE any YAML/JSON parser sees it. The `yaml` parser recurses
// per nesting level and does work per error: 1,000 nested `- ` (2 KB) overflow its stack and can
// take the process down with an out-of-memory in V8's regexp compiler, and a line of 1M `]`
// makes 1M errors (10 s). So a small linear scanner of our own measures nesting depth, entries
// per collection and nodes first, and the parser only runs on text that is small in every sense.
// The scanner knows just enough YAML (indentation, `- `/`? `/`key: ` indicators, flow `[ ] { }`,
// quotes, comments, block scalars) to never UNDER-count: where it is unsure it over-counts or
// refuses. JSON is YAML's flow syntax, so JSON bodies go through the same scanner.
import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

/** The limits of a manifest text; a real manifest is a few KiB, depth ~8, a few thousand nodes. */
export const MANIFEST_LIMITS = {
  /** Characters in the text (the API's BODY_LIMIT is 1 MiB of bytes). */
  maxChars: 1_000_000,
  /** Nested collections (block and flow together). */
  maxDepth: 64,
  /** Keys of one mapping or items of one sequence (the catalog has fewer than 100 components). */
  maxEntries: 1_000,
  /** Keys, items, scalars, anchors, tags and aliases in the whole text. */
  maxNodes: 20_000,
} as const;

export type ManifestLimits = { readonly [K in keyof typeof MANIFEST_LIMITS]: number };

/** Why a text is refused before parsing: too big in some sense (413) or surely not YAML (415). */
export type BoundsViolation = {
  kind: 'too-large' | 'too-deep' | 'too-many-entries' | 'too-many-nodes' | 'syntax';
  /** Character offset where the limit was crossed or the error is. */
  offset: number;
  message: string;
};

/** 1-based line and column of a character offset (one linear pass; called once per error). */
export function lineColumn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

/** "line L, column C" of an offset. */
export function positionOf(text: string, offset: number): string {
  const { line, col } = lineColumn(text, offset);
  return `line ${line}, column ${col}`;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r';
const isEol = (c: string | undefined) => c === undefined || c === '\n';
const isWsOrEol = (c: string | undefined) => isBlank(c) || isEol(c);
const isFlowIndicator = (c: string | undefined) =>
  c === ',' || c === '[' || c === ']' || c === '{' || c === '}';

/** The index after a quoted scalar that opens at `start` (which may span lines), or the end. */
function skipQuoted(text: string, start: number): number {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (q === '"' && c === '\\') i++;
    else if (c === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

/** The index after an anchor, tag or alias token (up to whitespace or a flow indicator). */
function skipToken(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && !isWsOrEol(text[i]) && !isFlowIndicator(text[i])) i++;
  return i;
}

/** The index of the end of the line (the `\n` or the end of the text). */
function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/**
 * A block scalar header (`|`, `>-`, `|+`, `>2`) at `at`: whether it is well-formed and whether it
 * names an explicit indentation. Malformed headers are not treated as block scalars, so their
 * lines are scanned as structure (over-counting is safe, skipping what the parser reads is not).
 */
function blockScalarHeader(text: string, at: number): { ok: boolean; explicit: boolean } {
  let i = at + 1;
  let explicit = false;
  for (let k = 0; k < 2; k++) {
    const c = text[i];
    if (c === '+' || c === '-') i++;
    else if (c !== undefined && c >= '1' && c <= '9') {
      explicit = true;
      i++;
    }
  }
  const c = text[i];
  if (!isWsOrEol(c)) return { ok: false, explicit };
  return { ok: true, explicit };
}

interface BlockLevel {
  indent: number;
  kind: 'map' | 'seq';
  entries: number;
}

/**
 * Measures `text` against `limits` in one pass, without parsing; the first violation, or null.
 * Linear in the text: every character is looked at a bounded number of times.
 */
export function scanBounds(
  text: string,
  limits: ManifestLimits = MANIFEST_LIMITS,
): BoundsViolation | null {
  if (text.length > limits.maxChars) {
    return {
      kind: 'too-large',
      offset: limits.maxChars,
      message: `too large: at most ${limits.maxChars} characters`,
    };
  }
  const block: BlockLevel[] = [];
  const flow: { close: string; entries: number }[] = [];
  let nodes = 0;
  let violation: BoundsViolation | null = null;

  const deep = (offset: number): boolean => {
    if (block.length + flow.length <= limits.maxDepth) return false;
    violation = {
      kind: 'too-deep',
      offset,
      message: `nested deeper than ${limits.maxDepth} levels`,
    };
    return true;
  };
  const counted = (offset: number, entries = 0): boolean => {
    nodes++;
    if (entries > limits.maxEntries) {
      violation = {
        kind: 'too-many-entries',
        offset,
        message: `more than ${limits.maxEntries} entries in one mapping or list`,
      };
      return true;
    }
    if (nodes > limits.maxNodes) {
      violation = {
        kind: 'too-many-nodes',
        offset,
        message: `more than ${limits.maxNodes} values in the document`,
      };
      return true;
    }
    return false;
  };
  const syntax = (offset: number, message: string): BoundsViolation => ({
    kind: 'syntax',
    offset,
    message,
  });

  // A block key or entry at `col`: close deeper levels, then count it in its collection or open one.
  const blockNode = (kind: 'map' | 'seq', col: number, offset: number): boolean => {
    for (;;) {
      const top = block[block.length - 1];
      // A key at the indentation of a sequence that hangs under a key (`a:\n- x\nb: 1`) closes it.
      if (top && (top.indent > col || (kind === 'map' && top.indent === col && top.kind === 'seq')))
        block.pop();
      else break;
    }
    const top = block[block.length - 1];
    if (top && top.indent === col && top.kind === kind) {
      top.entries++;
      return counted(offset, top.entries);
    }
    block.push({ indent: col, kind, entries: 1 });
    return deep(offset) || counted(offset);
  };

  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  /** After a block scalar header: the indentation its content must exceed, unless explicit. */
  let blockScalar: { threshold: number } | null = null;

  while (pos < n) {
    // ---- Start of a line (in block context: flow lines are scanned as one stream below).
    let lineStart = pos;
    if (blockScalar) {
      // Skip the scalar's content: blank lines and lines at least as indented as its first line.
      let contentIndent = -1;
      while (pos < n) {
        let i = pos;
        while (text[i] === ' ') i++;
        const end = lineEnd(text, i);
        let j = i;
        while (j < end && isBlank(text[j])) j++;
        const blank = j === end;
        const indent = i - pos;
        if (!blank) {
          if (contentIndent < 0) {
            if (indent <= blockScalar.threshold) break;
            contentIndent = indent;
          } else if (indent < contentIndent) break;
        }
        pos = end + 1;
      }
      blockScalar = null;
      if (pos >= n) break;
      lineStart = pos;
    }
    let i = pos;
    while (text[i] === ' ') i++;
    const end = lineEnd(text, i);
    let j = i;
    while (j < end && isBlank(text[j])) j++;
    if (j === end || text[j] === '#') {
      pos = end + 1; // blank or comment line
      continue;
    }
    // YAML forbids tabs as indentation (the parser reports each such line: refuse at the first),
    // except before a flow collection, as in a tab-indented JSON body.
    if (j > i && text[j] !== '{' && text[j] !== '[' && text.slice(i, j).includes('\t'))
      return syntax(i, 'tabs are not allowed as indentation');
    if (i === lineStart && text[i] === '%') {
      if (counted(i)) return violation;
      pos = end + 1; // a directive
      continue;
    }
    if (
      i === lineStart &&
      (text.startsWith('---', i) || text.startsWith('...', i)) &&
      isWsOrEol(text[i + 3])
    ) {
      block.length = 0; // a document marker: a new document starts at the left margin
      i += 3;
    }

    // ---- The rest of the line, and any flow collection or quoted scalar it opens (to its end).
    let atValueStart = true;
    let keyCol = i - lineStart;
    let afterJsonNode = false; // a quoted scalar or a flow collection just ended: `:` may follow
    let flowStartCol = 0;
    while (i < n) {
      const c = text[i];
      const col = i - lineStart;
      if (c === '\n') {
        if (flow.length === 0) break;
        lineStart = i + 1;
        i++;
        continue;
      }
      if (isBlank(c)) {
        i++;
        continue;
      }
      if (c === '#' && (i === lineStart || isBlank(text[i - 1]))) {
        i = lineEnd(text, i);
        continue;
      }
      if (flow.length > 0) {
        // Flow context: indicators everywhere, plain scalars cannot contain them.
        if (c === '[' || c === '{') {
          flow.push({ close: c === '[' ? ']' : '}', entries: 0 });
          if (deep(i) || counted(i)) return violation;
          atValueStart = true;
          afterJsonNode = false;
          i++;
        } else if (c === ']' || c === '}') {
          const top = flow.pop();
          if (top?.close !== c) return syntax(i, `unexpected "${c}"`);
          atValueStart = false;
          afterJsonNode = true;
          i++;
          if (flow.length === 0) keyCol = flowStartCol;
        } else if (c === ',') {
          const top = flow[flow.length - 1] as { entries: number };
          top.entries++;
          if (counted(i, top.entries + 1)) return violation;
          atValueStart = true;
          afterJsonNode = false;
          i++;
        } else if (
          (c === ':' || c === '?') &&
          (afterJsonNode ||
            isWsOrEol(text[i + 1]) ||
            isFlowIndicator(text[i + 1]) ||
            (c === ':' && atValueStart))
        ) {
          atValueStart = true;
          afterJsonNode = false;
          i++;
        } else if (atValueStart && (c === '"' || c === "'")) {
          if (counted(i)) return violation;
          i = skipQuoted(text, i);
          atValueStart = false;
          afterJsonNode = true;
        } else if (atValueStart && (c === '&' || c === '!' || c === '*')) {
          if (counted(i)) return violation;
          i = skipToken(text, i);
          afterJsonNode = c === '*';
          atValueStart = c !== '*';
        } else {
          if (atValueStart && counted(i)) return violation;
          atValueStart = false;
          afterJsonNode = false;
          i++;
        }
        continue;
      }
      // Block context.
      if (atValueStart) {
        if ((c === '-' || c === '?' || c === ':') && isWsOrEol(text[i + 1])) {
          if (blockNode(c === '-' ? 'seq' : 'map', col, i)) return violation;
          i++;
          continue;
        }
        if (c === '[' || c === '{') {
          flowStartCol = col;
          flow.push({ close: c === '[' ? ']' : '}', entries: 0 });
          if (deep(i) || counted(i)) return violation;
          i++;
          continue;
        }
        if (c === ']' || c === '}') return syntax(i, `unexpected "${c}"`);
        if (c === '&' || c === '!') {
          if (counted(i)) return violation;
          i = skipToken(text, i);
          continue;
        }
        if (c === '|' || c === '>') {
          const header = blockScalarHeader(text, i);
          if (header.ok) {
            if (counted(i)) return violation;
            const top = block[block.length - 1];
            // With an explicit indentation the content is scanned as structure (over-counts).
            if (!header.explicit) blockScalar = { threshold: top ? top.indent : -1 };
            i = lineEnd(text, i);
            continue;
          }
        }
        if (counted(i)) return violation;
        atValueStart = false;
        keyCol = col;
        if (c === '"' || c === "'") {
          i = skipQuoted(text, i);
          afterJsonNode = true;
          if (lineEnd(text, lineStart) < i) lineStart = text.lastIndexOf('\n', i - 1) + 1;
          continue;
        }
        i = c === '*' ? skipToken(text, i) : i + 1;
        afterJsonNode = false;
        continue;
      }
      // After a quoted scalar or a flow collection only `:` or a comment may follow on the line:
      // anything else is an error, and `[][][]...` would be one parser error per collection.
      if (afterJsonNode && c !== ':') {
        return syntax(i, 'unexpected text after a quoted value or a flow collection');
      }
      // Inside a plain scalar (or after a quoted one): only `: ` (a key ends) and ` #` matter.
      if (c === ':' && (isWsOrEol(text[i + 1]) || afterJsonNode)) {
        if (blockNode('map', keyCol, i)) return violation;
        atValueStart = true;
        afterJsonNode = false;
        i++;
        continue;
      }
      afterJsonNode = false;
      i++;
    }
    pos = i + 1;
  }
  return null;
}

/** A problem found while walking a parsed document: where it is and what it is. */
export interface StructureProblem {
  kind: 'too-deep' | 'too-many-entries' | 'too-many-nodes' | 'duplicate-key' | 'complex-key';
  /** The manifest path (`spec.components[0].id`) of the node at fault. */
  path: string;
  /** Character offset in the text, when known. */
  offset: number | undefined;
  message: string;
}

/** The manifest path of a child: `a.b`, `a[3]`, or `a["odd key"]`. */
export const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number'
    ? `${parent}[${key}]`
    : /^[A-Za-z_$][\w$-]*$/.test(key)
      ? parent
        ? `${parent}.${key}`
        : key
      : `${parent}[${JSON.stringify(key)}]`;

/**
 * Walks a parsed YAML document (parsed with `uniqueKeys: false`) without recursion: duplicate
 * keys (a Set per mapping: linear, where yaml's own check is quadratic), keys that are not
 * scalars, and the same limits as the scanner, counted exactly. The first problem, or null.
 */
export function checkDocument(
  doc: Document,
  limits: ManifestLimits = MANIFEST_LIMITS,
): StructureProblem | null {
  const problem = (
    kind: StructureProblem['kind'],
    path: string,
    node: unknown,
    message: string,
  ): StructureProblem => ({ kind, path: path || '(root)', offset: rangeStart(node), message });
  const stack: { node: unknown; path: string; depth: number }[] = [
    { node: doc.contents, path: '', depth: 0 },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop() as (typeof stack)[number];
    if (++nodes > limits.maxNodes)
      return problem(
        'too-many-nodes',
        path,
        node,
        `more than ${limits.maxNodes} values in the document`,
      );
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= limits.maxDepth)
      return problem('too-deep', path, node, `nested deeper than ${limits.maxDepth} levels`);
    if (node.items.length > limits.maxEntries) {
      const message = `more than ${limits.maxEntries} entries in one mapping or list`;
      return problem('too-many-entries', path, node, message);
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) =>
        stack.push({ node: item, path: childPath(path, i), depth: depth + 1 }),
      );
      continue;
    }
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (key !== null && !isScalar(key)) {
        const message = 'mapping keys must be plain names, not lists, mappings or aliases';
        return problem('complex-key', path, key, message);
      }
      const name = String(key?.value ?? '');
      const at = childPath(path, name);
      if (seen.has(name)) {
        const message = `Map keys must be unique: ${JSON.stringify(name)} appears twice`;
        return problem('duplicate-key', at, key, message);
      }
      seen.add(name);
      stack.push({ node: pair.value, path: at, depth: depth + 1 });
    }
  }
  return null;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}
