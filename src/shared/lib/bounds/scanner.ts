// The bounded scanner: one pass over the text, line by line in block context and as one stream
// inside flow collections, counting what the parser would build without building it.
import { MANIFEST_LIMITS, type BoundsViolation, type ManifestLimits } from './limits';
import { isBlank, isWsOrEol, lineEnd } from './lex';
import { blockChar, flowChar } from './scan-chars';
import { counted, newScan, syntax, type Scan, type Stop } from './scan-state';

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
  const s = newScan(text, limits);
  while (s.pos < text.length) {
    const stop = scanLine(s);
    if (stop) return stop;
  }
  return null;
}

/** A line from `from`: its first non-space (`indentEnd`), first non-blank and end. */
function lineShape(text: string, from: number) {
  let indentEnd = from;
  while (text[indentEnd] === ' ') indentEnd++;
  const end = lineEnd(text, indentEnd);
  let firstNonBlank = indentEnd;
  while (firstNonBlank < end && isBlank(text[firstNonBlank])) firstNonBlank++;
  return { indentEnd, firstNonBlank, end };
}

/** The line at `s.pos` (in block context), then the rest of any flow collection it opens. */
function scanLine(s: Scan): Stop {
  const { text } = s;
  if (s.blockScalar) {
    skipBlockScalar(s, s.blockScalar.threshold);
    if (s.pos >= text.length) return null;
  }
  const lineStart = s.pos;
  const { indentEnd: i, firstNonBlank: j, end } = lineShape(text, lineStart);
  if (j === end || text[j] === '#') {
    s.pos = end + 1; // blank or comment line
    return null;
  }
  // YAML forbids tabs as indentation (the parser reports each such line: refuse at the first),
  // except before a flow collection, as in a tab-indented JSON body.
  if (j > i && text[j] !== '{' && text[j] !== '[' && text.slice(i, j).includes('\t'))
    return syntax(i, 'tabs are not allowed as indentation');
  if (i === lineStart && text[i] === '%') {
    s.pos = end + 1; // a directive
    return counted(s, i);
  }
  let start = i;
  if (
    i === lineStart &&
    (text.startsWith('---', i) || text.startsWith('...', i)) &&
    isWsOrEol(text[i + 3])
  ) {
    s.block.length = 0; // a document marker: a new document starts at the left margin
    start += 3;
  }
  s.i = start;
  s.lineStart = lineStart;
  s.atValueStart = true;
  s.keyCol = start - lineStart;
  s.afterJsonNode = false;
  s.flowStartCol = 0;
  const stop = scanRest(s);
  s.pos = s.i + 1;
  return stop;
}

/** Skips a block scalar's content: blank lines and lines at least as indented as its first. */
function skipBlockScalar(s: Scan, threshold: number): void {
  const { text } = s;
  let pos = s.pos;
  let contentIndent = -1;
  while (pos < text.length) {
    const { indentEnd, firstNonBlank, end } = lineShape(text, pos);
    const indent = indentEnd - pos;
    if (firstNonBlank !== end) {
      if (contentIndent < 0) {
        if (indent <= threshold) break;
        contentIndent = indent;
      } else if (indent < contentIndent) break;
    }
    pos = end + 1;
  }
  s.pos = pos;
  s.blockScalar = null;
}

/** The rest of the line from the cursor, and any flow collection or quoted scalar it opens. */
function scanRest(s: Scan): Stop {
  const { text } = s;
  while (s.i < text.length) {
    const c = text[s.i] as string;
    if (c === '\n') {
      if (s.flow.length === 0) break;
      s.lineStart = s.i + 1;
      s.i++;
      continue;
    }
    if (isBlank(c)) {
      s.i++;
      continue;
    }
    if (c === '#' && (s.i === s.lineStart || isBlank(text[s.i - 1]))) {
      s.i = lineEnd(text, s.i);
      continue;
    }
    const stop = s.flow.length > 0 ? flowChar(s, c) : blockChar(s, c);
    if (stop) return stop;
  }
  return null;
}
