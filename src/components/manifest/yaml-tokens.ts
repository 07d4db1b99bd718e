// A small YAML tokeniser for display: keys, strings, numbers, keywords, comments and punctuation,
// line by line. It colours text; it does not validate (the yaml package does that). Every line's
// tokens concatenate back to the line exactly.

export type YamlTokenKind = 'key' | 'string' | 'number' | 'keyword' | 'comment' | 'punct' | 'plain';

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

const NUMBER =
  /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|\.inf|\.Inf|\.INF)$|^\.nan$|^\.NaN$/;
const KEYWORD = /^(?:true|false|True|False|TRUE|FALSE|null|Null|NULL|~)$/;
const INDICATOR = /^(?:[|>][-+0-9]*|[&*!]\S*)$/;
const BLOCK_SCALAR = /^[|>][-+0-9]*$/;
/** Indentation, then any number of `- ` sequence markers. */
const LEAD = /^(\s*)((?:-(?:\s+|$))*)/;
/** A mapping key (quoted or plain) followed by `:` and a space or the line end. */
const KEY =
  /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],:&*!|>%@`-][^#]*?|-[^\s#][^#]*?)(\s*)(:)(?=\s|$)/;
/** One piece of a value: space, comment, quoted string, flow punctuation, or a plain word. */
const PIECE =
  /(\s+)|(#.*)|("(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?)|([{}[\],]|:(?=\s|$))|((?:[^\s{}[\],:]|:(?!\s|$))+)/y;

function wordKind(word: string): YamlTokenKind {
  if (NUMBER.test(word)) return 'number';
  if (KEYWORD.test(word)) return 'keyword';
  if (INDICATOR.test(word)) return 'punct';
  return 'string';
}

/** Tokens of a value (after a key or a sequence marker), flow collections included. */
function valueTokens(text: string): YamlToken[] {
  const out: YamlToken[] = [];
  PIECE.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    PIECE.lastIndex = at;
    const m = PIECE.exec(text);
    if (!m || m[0] === '') {
      out.push({ kind: 'plain', text: text.slice(at) });
      break;
    }
    const [all, space, comment, quoted, punct, word] = m;
    if (space) out.push({ kind: 'plain', text: all });
    else if (comment) out.push({ kind: 'comment', text: all });
    else if (quoted) out.push({ kind: 'string', text: all });
    else if (punct) out.push({ kind: 'punct', text: all });
    else if (word) {
      // A key inside a flow mapping: `{ id: flux }`.
      const next = text.slice(at + all.length);
      out.push({ kind: /^:(\s|$)/.test(next) ? 'key' : wordKind(all), text: all });
    }
    at += all.length;
  }
  return out;
}

function merge(tokens: YamlToken[]): YamlToken[] {
  const out: YamlToken[] = [];
  for (const t of tokens) {
    if (t.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.kind === t.kind) last.text += t.text;
    else out.push({ ...t });
  }
  return out;
}

/** Splits YAML text into lines of tokens; the tokens of each line concatenate to the line. */
export function tokenizeYaml(text: string): YamlToken[][] {
  const lines = text.split('\n');
  let blockIndent = -1;
  return lines.map((line) => {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent)
        return merge([{ kind: 'string', text: line }]);
      blockIndent = -1;
    }
    const lead = LEAD.exec(line);
    const space = lead?.[1] ?? '';
    const dashes = lead?.[2] ?? '';
    const rest = line.slice(space.length + dashes.length);
    const tokens: YamlToken[] = [
      { kind: 'plain', text: space },
      { kind: 'punct', text: dashes },
    ];
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(line)) return merge([{ kind: 'punct', text: line }]);
    if (rest.startsWith('#')) return merge([...tokens, { kind: 'comment', text: rest }]);
    const key = KEY.exec(rest);
    let value = rest;
    if (key) {
      const [all, name = '', gap = '', colon = ''] = key;
      tokens.push(
        { kind: 'key', text: name },
        { kind: 'plain', text: gap },
        { kind: 'punct', text: colon },
      );
      value = rest.slice(all.length);
    }
    const values = valueTokens(value);
    tokens.push(...values);
    const lastWord = values.filter((t) => t.kind !== 'plain' && t.kind !== 'comment').pop();
    if (lastWord && BLOCK_SCALAR.test(lastWord.text)) blockIndent = indent + dashes.length;
    return merge(tokens);
  });
}
