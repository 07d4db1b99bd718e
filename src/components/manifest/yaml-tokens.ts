// YAML tokens for display: keys, strings, numbers, keywords, comments and punctuation, line by
// line. The yaml package's own parser builds the concrete syntax tree (CST) and this only names
// its pieces; it colours text and does not validate (parseDocument does that). Every line's
// tokens concatenate back to the line exactly: multi-line and block scalars split at line ends,
// and whatever the CST does not account for (an error, an unfinished flow) stays 'plain'.
import { CST, Parser, Schema } from 'yaml';

export type YamlTokenKind = 'key' | 'string' | 'number' | 'keyword' | 'comment' | 'punct' | 'plain';

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

const KINDS: readonly YamlTokenKind[] = [
  'plain',
  'key',
  'string',
  'number',
  'keyword',
  'comment',
  'punct',
];
const CODE = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<YamlTokenKind, number>;

/** The core schema's plain-scalar tests (null, bool, int, float), as the yaml package resolves. */
const RESOLVED: { test: RegExp; kind: YamlTokenKind }[] = new Schema({}).tags.flatMap((t) => {
  if (!('test' in t) || !t.test) return [];
  const kind = /:(?:int|float)$/.test(t.tag) ? 'number' : 'keyword';
  return [{ test: t.test, kind }];
});

/** Source tokens that are not indentation, line ends or comments: markers and indicators. */
const SOURCE_KIND: Partial<Record<CST.SourceToken['type'], YamlTokenKind>> = {
  comment: 'comment',
  'doc-start': 'punct',
  'directive-line': 'punct',
  anchor: 'punct',
  tag: 'punct',
  'seq-item-ind': 'punct',
  'explicit-key-ind': 'punct',
  'map-value-ind': 'punct',
  'flow-map-start': 'punct',
  'flow-map-end': 'punct',
  'flow-seq-start': 'punct',
  'flow-seq-end': 'punct',
  comma: 'punct',
  'block-scalar-header': 'punct',
};

function plainScalarKind(source: string): YamlTokenKind {
  return RESOLVED.find((r) => r.test.test(source))?.kind ?? 'string';
}

type Mark = (offset: number, source: string, kind: YamlTokenKind) => void;

function markAll(tokens: readonly CST.Token[] | undefined, mark: Mark): void {
  for (const t of tokens ?? []) markToken(t, mark, false);
}

function markItem(item: CST.CollectionItem, mark: Mark): void {
  markAll(item.start, mark);
  if (item.key) markToken(item.key, mark, true);
  markAll(item.sep, mark);
  if (item.value) markToken(item.value, mark, false);
}

/** Marks the text of one CST token and its children; `key` when it is a map item's key. */
function markToken(token: CST.Token, mark: Mark, key: boolean): void {
  switch (token.type) {
    case 'document':
      markAll(token.start, mark);
      if (token.value) markToken(token.value, mark, false);
      markAll(token.end, mark);
      return;
    case 'doc-end':
      mark(token.offset, token.source, 'punct');
      markAll(token.end, mark);
      return;
    case 'directive':
      mark(token.offset, token.source, 'punct');
      return;
    case 'block-map':
    case 'block-seq':
      for (const item of token.items) markItem(item, mark);
      return;
    case 'flow-collection':
      markToken(token.start, mark, false);
      for (const item of token.items) markItem(item, mark);
      markAll(token.end, mark);
      return;
    case 'block-scalar':
      markAll(token.props, mark);
      mark(bodyOffset(token), token.source, key ? 'key' : 'string');
      return;
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'alias': {
      const kind =
        token.type === 'alias'
          ? 'punct'
          : key
            ? 'key'
            : token.type === 'scalar'
              ? plainScalarKind(token.source)
              : 'string';
      mark(token.offset, token.source, kind);
      markAll(token.end, mark);
      return;
    }
    case 'error':
      return;
    default: {
      const kind = SOURCE_KIND[token.type];
      if (kind) mark(token.offset, token.source, kind);
    }
  }
}

/** Where a block scalar's body starts: after its header, props and the header's line end. */
function bodyOffset(token: CST.BlockScalar): number {
  const last = token.props[token.props.length - 1];
  return last && 'source' in last ? last.offset + last.source.length : token.offset;
}

/** The kind of every character of `text`, from the CST (0, 'plain', where it says nothing). */
function characterKinds(text: string): Uint8Array {
  const kinds = new Uint8Array(text.length);
  const mark: Mark = (offset, source, kind) => {
    // Only text the CST quotes exactly; anything else stays plain.
    if (source === '' || text.startsWith(source, offset) === false) return;
    kinds.fill(CODE[kind], offset, offset + source.length);
  };
  try {
    for (const token of new Parser().parse(text)) markToken(token, mark, false);
  } catch {
    kinds.fill(CODE.plain);
  }
  return kinds;
}

/** Splits YAML text into lines of tokens; the tokens of each line concatenate to the line. */
export function tokenizeYaml(text: string): YamlToken[][] {
  const kinds = characterKinds(text);
  const lines: YamlToken[][] = [];
  let line: YamlToken[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (end > start) line.push({ kind: KINDS[kinds[start]!]!, text: text.slice(start, end) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      flush(i);
      lines.push(line);
      line = [];
      start = i + 1;
    } else if (kinds[i] !== kinds[start]) flush(i);
  }
  flush(text.length);
  lines.push(line);
  return lines;
}
