// What one significant character does, in flow context (`[ ] { } , :` are indicators everywhere)
// and in block context (indicators only where a value may start, then `: ` ends a key). Each
// handler moves the cursor past what it looked at, or returns the violation that stops the scan.
import {
  blockScalarHeader,
  isFlowIndicator,
  isWsOrEol,
  lineEnd,
  skipQuoted,
  skipToken,
} from './lex';
import {
  advance,
  blockNode,
  counted,
  openFlow,
  syntax,
  type FlowLevel,
  type Scan,
  type Stop,
} from './scan-state';

/** A character in flow context: indicators everywhere, plain scalars cannot contain them. */
export function flowChar(s: Scan, c: string): Stop {
  const { text, i } = s;
  if (c === '[' || c === '{') return openFlow(s, c, i) ?? advance(s, i + 1, true, false);
  if (c === ']' || c === '}') {
    const top = s.flow.pop();
    if (top?.close !== c) return syntax(i, `unexpected "${c}"`);
    advance(s, i + 1, false, true);
    if (s.flow.length === 0) s.keyCol = s.flowStartCol;
    return null;
  }
  if (c === ',') {
    const top = s.flow[s.flow.length - 1] as FlowLevel;
    top.entries++;
    return counted(s, i, top.entries + 1) ?? advance(s, i + 1, true, false);
  }
  if (
    (c === ':' || c === '?') &&
    (s.afterJsonNode ||
      isWsOrEol(text[i + 1]) ||
      isFlowIndicator(text[i + 1]) ||
      (c === ':' && s.atValueStart))
  ) {
    return advance(s, i + 1, true, false);
  }
  if (s.atValueStart && (c === '"' || c === "'")) {
    return counted(s, i) ?? advance(s, skipQuoted(text, i), false, true);
  }
  if (s.atValueStart && (c === '&' || c === '!' || c === '*')) {
    return counted(s, i) ?? advance(s, skipToken(text, i), c !== '*', c === '*');
  }
  if (s.atValueStart) return counted(s, i) ?? advance(s, i + 1, false, false);
  return advance(s, i + 1, false, false);
}

/** A character in block context. */
export function blockChar(s: Scan, c: string): Stop {
  if (s.atValueStart) return blockValueStart(s, c);
  const { text, i } = s;
  // After a quoted scalar or a flow collection only `:` or a comment may follow on the line:
  // anything else is an error, and `[][][]...` would be one parser error per collection.
  if (s.afterJsonNode && c !== ':') {
    return syntax(i, 'unexpected text after a quoted value or a flow collection');
  }
  // Inside a plain scalar (or after a quoted one): only `: ` (a key ends) and ` #` matter.
  if (c === ':' && (isWsOrEol(text[i + 1]) || s.afterJsonNode)) {
    return blockNode(s, 'map', s.keyCol, i) ?? advance(s, i + 1, true, false);
  }
  s.afterJsonNode = false;
  s.i = i + 1;
  return null;
}

/** A character in block context where a value may start: an indicator, or a scalar's first. */
function blockValueStart(s: Scan, c: string): Stop {
  const { text, i } = s;
  const col = i - s.lineStart;
  if ((c === '-' || c === '?' || c === ':') && isWsOrEol(text[i + 1])) {
    return blockNode(s, c === '-' ? 'seq' : 'map', col, i) ?? moveTo(s, i + 1);
  }
  if (c === '[' || c === '{') {
    s.flowStartCol = col;
    return openFlow(s, c, i) ?? moveTo(s, i + 1);
  }
  if (c === ']' || c === '}') return syntax(i, `unexpected "${c}"`);
  if (c === '&' || c === '!') return counted(s, i) ?? moveTo(s, skipToken(text, i));
  if (c === '|' || c === '>') {
    const header = blockScalarHeader(text, i);
    if (header.ok) return blockScalarStart(s, header.explicit);
  }
  const stop = counted(s, i);
  if (stop) return stop;
  s.atValueStart = false;
  s.keyCol = col;
  if (c === '"' || c === "'") {
    s.i = skipQuoted(text, i);
    s.afterJsonNode = true;
    if (lineEnd(text, s.lineStart) < s.i) s.lineStart = text.lastIndexOf('\n', s.i - 1) + 1;
    return null;
  }
  s.i = c === '*' ? skipToken(text, i) : i + 1;
  s.afterJsonNode = false;
  return null;
}

/** A well-formed block scalar header at the cursor: its content is skipped from the next line. */
function blockScalarStart(s: Scan, explicit: boolean): Stop {
  const { text, i } = s;
  const stop = counted(s, i);
  if (stop) return stop;
  const top = s.block[s.block.length - 1];
  // With an explicit indentation the content is scanned as structure (over-counts).
  if (!explicit) s.blockScalar = { threshold: top ? top.indent : -1 };
  return moveTo(s, lineEnd(text, i));
}

/** Moves the cursor to `to`, keeping the value state; null, so it can end a handler. */
function moveTo(s: Scan, to: number): null {
  s.i = to;
  return null;
}
