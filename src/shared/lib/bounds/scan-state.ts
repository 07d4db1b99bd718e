// The state of one bounded scan, and the counting every indicator goes through: nesting depth,
// entries per collection and nodes in the text, each checked the moment it grows.
import type { BoundsViolation, ManifestLimits } from './limits';

interface BlockLevel {
  indent: number;
  kind: 'map' | 'seq';
  entries: number;
}

export interface FlowLevel {
  close: string;
  entries: number;
}

/** The first violation found (the scan stops there), or null to go on. */
export type Stop = BoundsViolation | null;

export interface Scan {
  readonly text: string;
  readonly limits: ManifestLimits;
  /** Open block collections, outermost first. */
  readonly block: BlockLevel[];
  /** Open flow collections, outermost first. */
  readonly flow: FlowLevel[];
  nodes: number;
  /** The start of the next line to scan. */
  pos: number;
  /** After a block scalar header: the indentation its content must exceed, unless explicit. */
  blockScalar: { threshold: number } | null;
  /** The cursor in the current line (and in any flow collection or quoted scalar it opens). */
  i: number;
  /** The start of the line the cursor is on. */
  lineStart: number;
  /** Whether a value (a node) may start at the cursor. */
  atValueStart: boolean;
  /** The column of the current block key (where a `key: ` that ends here is counted). */
  keyCol: number;
  /** A quoted scalar or a flow collection just ended: `:` may follow. */
  afterJsonNode: boolean;
  /** The column where the outermost flow collection opened. */
  flowStartCol: number;
}

export function newScan(text: string, limits: ManifestLimits): Scan {
  return {
    text,
    limits,
    block: [],
    flow: [],
    nodes: 0,
    pos: text.charCodeAt(0) === 0xfeff ? 1 : 0,
    blockScalar: null,
    i: 0,
    lineStart: 0,
    atValueStart: true,
    keyCol: 0,
    afterJsonNode: false,
    flowStartCol: 0,
  };
}

export const syntax = (offset: number, message: string): BoundsViolation => ({
  kind: 'syntax',
  offset,
  message,
});

/** The violation if the open collections are nested deeper than allowed. */
export function deep(s: Scan, offset: number): Stop {
  if (s.block.length + s.flow.length <= s.limits.maxDepth) return null;
  return {
    kind: 'too-deep',
    offset,
    message: `nested deeper than ${s.limits.maxDepth} levels`,
  };
}

/** Counts one node (the `entries`-th of its collection, if given) against the limits. */
export function counted(s: Scan, offset: number, entries = 0): Stop {
  s.nodes++;
  if (entries > s.limits.maxEntries) {
    return {
      kind: 'too-many-entries',
      offset,
      message: `more than ${s.limits.maxEntries} entries in one mapping or list`,
    };
  }
  if (s.nodes > s.limits.maxNodes) {
    return {
      kind: 'too-many-nodes',
      offset,
      message: `more than ${s.limits.maxNodes} values in the document`,
    };
  }
  return null;
}

/** A block key or entry at `col`: close deeper levels, then count it in its collection or open one. */
export function blockNode(s: Scan, kind: 'map' | 'seq', col: number, offset: number): Stop {
  const { block } = s;
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
    return counted(s, offset, top.entries);
  }
  block.push({ indent: col, kind, entries: 1 });
  return deep(s, offset) ?? counted(s, offset);
}

/** Opens the flow collection `c` (`[` or `{`) at `offset`. */
export function openFlow(s: Scan, c: string, offset: number): Stop {
  s.flow.push({ close: c === '[' ? ']' : '}', entries: 0 });
  return deep(s, offset) ?? counted(s, offset);
}

/** Moves the cursor to `to` with the given value state; null, so it can end a handler. */
export function advance(s: Scan, to: number, atValueStart: boolean, afterJsonNode: boolean): null {
  s.i = to;
  s.atValueStart = atValueStart;
  s.afterJsonNode = afterJsonNode;
  return null;
}
