// Character classes and token skips of the bounded scanner: each looks at a character a bounded
// number of times, so the scanner that calls them stays linear in the text.

export const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r';
export const isEol = (c: string | undefined) => c === undefined || c === '\n';
export const isWsOrEol = (c: string | undefined) => isBlank(c) || isEol(c);
export const isFlowIndicator = (c: string | undefined) =>
  c === ',' || c === '[' || c === ']' || c === '{' || c === '}';

/** The index after a quoted scalar that opens at `start` (which may span lines), or the end. */
export function skipQuoted(text: string, start: number): number {
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
export function skipToken(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && !isWsOrEol(text[i]) && !isFlowIndicator(text[i])) i++;
  return i;
}

/** The index of the end of the line (the `\n` or the end of the text). */
export function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/**
 * A block scalar header (`|`, `>-`, `|+`, `>2`) at `at`: whether it is well-formed and whether it
 * names an explicit indentation. Malformed headers are not treated as block scalars, so their
 * lines are scanned as structure (over-counting is safe, skipping what the parser reads is not).
 */
export function blockScalarHeader(text: string, at: number): { ok: boolean; explicit: boolean } {
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
