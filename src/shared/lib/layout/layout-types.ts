// The shape every layout algorithm returns: a box per node and a polyline per edge, in a
// left-to-right coordinate system (x grows with rank, y within a rank).

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A node's box; (x, y) is its top-left corner. */
export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An edge's route from the source's right side to the target's left side. */
export interface EdgeRoute<Id extends string = string> {
  readonly id: string;
  readonly source: Id;
  readonly target: Id;
  /** At least two points: start, bends, end. */
  readonly points: readonly Point[];
}

export interface Layout<Id extends string = string> {
  readonly nodes: ReadonlyMap<Id, NodeBox>;
  readonly edges: readonly EdgeRoute<Id>[];
  /** The bounding box of every node, from (0, 0). */
  readonly width: number;
  readonly height: number;
}

/** The input every layout reads: ids with ranks and source → target edges. */
export interface LayoutInput<Id extends string = string> {
  readonly nodes: readonly { readonly id: Id; readonly rank: number }[];
  readonly edges: readonly { readonly id: string; readonly source: Id; readonly target: Id }[];
}

export interface LayoutOptions {
  readonly nodeWidth?: number;
  readonly nodeHeight?: number;
  /** Horizontal space between ranks. */
  readonly rankGap?: number;
  /** Vertical space between nodes of a rank. */
  readonly nodeGap?: number;
  /** Barycenter sweeps (each one down and one up). */
  readonly sweeps?: number;
}

export const DEFAULT_LAYOUT_OPTIONS: Required<LayoutOptions> = {
  nodeWidth: 200,
  nodeHeight: 56,
  rankGap: 80,
  nodeGap: 16,
  sweeps: 12,
};
