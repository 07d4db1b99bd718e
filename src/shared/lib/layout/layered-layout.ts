// A layered (Sugiyama-style) layout for a ranked DAG, left to right: long edges are split
// into dummy vertices (one per rank they cross), layers are ordered by barycenter sweeps
// that keep the order with the fewest crossings, and y coordinates are placed by weighted
// isotonic regression (pool-adjacent-violators) so each vertex sits as close as possible to
// its neighbours while never overlapping the one above it. O((V+D) log(V+D)) per sweep.
import {
  DEFAULT_LAYOUT_OPTIONS,
  type EdgeRoute,
  type Layout,
  type LayoutInput,
  type LayoutOptions,
  type NodeBox,
  type Point,
} from './layout-types';

/** The proper layered graph: real vertices 0..n-1, then dummies. */
interface Layered {
  readonly rank: number[];
  readonly dummy: boolean[];
  readonly preds: number[][];
  readonly succs: number[][];
  /** Each input edge as its chain of vertices, source first. */
  readonly chains: number[][];
  layers: number[][];
}

function buildLayered<Id extends string>(input: LayoutInput<Id>): Layered {
  const at = new Map<Id, number>();
  const rank: number[] = [];
  const dummy: boolean[] = [];
  const preds: number[][] = [];
  const succs: number[][] = [];
  const add = (r: number, isDummy: boolean) => {
    rank.push(r);
    dummy.push(isDummy);
    preds.push([]);
    succs.push([]);
    return rank.length - 1;
  };
  for (const n of input.nodes) at.set(n.id, add(n.rank, false));
  const chains = input.edges.map((e) => {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (s === undefined || t === undefined) throw new Error(`edge ${e.id} names an unknown node`);
    if ((rank[s] as number) >= (rank[t] as number))
      throw new Error(`edge ${e.id} does not go forward in rank`);
    const chain = [s];
    for (let r = (rank[s] as number) + 1; r < (rank[t] as number); r++) chain.push(add(r, true));
    chain.push(t);
    for (let i = 1; i < chain.length; i++) {
      succs[chain[i - 1] as number]?.push(chain[i] as number);
      preds[chain[i] as number]?.push(chain[i - 1] as number);
    }
    return chain;
  });
  const layers: number[][] = [];
  for (let v = 0; v < rank.length; v++) (layers[rank[v] as number] ??= []).push(v);
  for (let r = 0; r < layers.length; r++) layers[r] ??= [];
  return { rank, dummy, preds, succs, chains, layers };
}

/** Crossings between two adjacent layers: inversions of the edge list (accumulator tree). */
function crossingsBetween(upper: number[], lowerSize: number, succs: number[][], pos: number[]) {
  const targets: number[] = [];
  for (const u of upper) {
    const ts = (succs[u] as number[]).map((v) => pos[v] as number).sort((a, b) => a - b);
    for (const t of ts) targets.push(t);
  }
  let first = 1;
  while (first < lowerSize) first *= 2;
  const tree = new Array<number>(2 * first - 1).fill(0);
  let crossings = 0;
  for (const t of targets) {
    let i = t + first - 1;
    tree[i] = (tree[i] as number) + 1;
    while (i > 0) {
      if (i % 2) crossings += tree[i + 1] as number;
      i = (i - 1) >> 1;
      tree[i] = (tree[i] as number) + 1;
    }
  }
  return crossings;
}

function totalCrossings(g: Layered, pos: number[]): number {
  let sum = 0;
  for (let r = 0; r + 1 < g.layers.length; r++) {
    sum += crossingsBetween(
      g.layers[r] as number[],
      (g.layers[r + 1] as number[]).length,
      g.succs,
      pos,
    );
  }
  return sum;
}

/** Reorders one layer by the mean position of each vertex's neighbours in the fixed layer. */
function reorderLayer(layer: number[], neighbours: number[][], pos: number[], scale: number) {
  const key = new Map<number, number>();
  for (const v of layer) {
    const ns = neighbours[v] as number[];
    let sum = 0;
    for (const n of ns) sum += pos[n] as number;
    key.set(v, ns.length ? sum / ns.length : (pos[v] as number) * scale);
  }
  layer.sort(
    (a, b) =>
      (key.get(a) as number) - (key.get(b) as number) || (pos[a] as number) - (pos[b] as number),
  );
  layer.forEach((v, i) => (pos[v] = i));
}

/** Crossings among the edges of u and v towards one neighbouring layer when u is above v. */
function pairCrossings(u: number, v: number, neighbours: number[][], pos: number[]): number {
  let c = 0;
  for (const a of neighbours[u] as number[])
    for (const b of neighbours[v] as number[]) if ((pos[a] as number) > (pos[b] as number)) c++;
  return c;
}

/** Swaps adjacent vertices while a swap lowers the crossings on both sides (the 'transpose' step). */
function transpose(g: Layered, pos: number[], rounds: number): void {
  for (let round = 0; round < rounds; round++) {
    let improved = false;
    for (const layer of g.layers) {
      for (let i = 0; i + 1 < layer.length; i++) {
        const u = layer[i] as number;
        const v = layer[i + 1] as number;
        const now = pairCrossings(u, v, g.preds, pos) + pairCrossings(u, v, g.succs, pos);
        const swapped = pairCrossings(v, u, g.preds, pos) + pairCrossings(v, u, g.succs, pos);
        if (swapped >= now) continue;
        layer[i] = v;
        layer[i + 1] = u;
        pos[u] = i + 1;
        pos[v] = i;
        improved = true;
      }
    }
    if (!improved) return;
  }
}

/** Barycenter sweeps down and up; keeps the layer orders with the fewest crossings. */
/** Initial layer orders by depth-first visit from the rank-0 vertices (keeps subtrees together). */
function dfsOrder(g: Layered): number[][] {
  const layers: number[][] = g.layers.map(() => []);
  const seen = new Uint8Array(g.rank.length);
  const stack: number[] = [];
  for (const root of [...(g.layers[0] ?? [])].reverse()) stack.push(root);
  while (stack.length) {
    const v = stack.pop() as number;
    if (seen[v]) continue;
    seen[v] = 1;
    layers[g.rank[v] as number]?.push(v);
    const next = g.succs[v] as number[];
    for (let i = next.length - 1; i >= 0; i--)
      if (!seen[next[i] as number]) stack.push(next[i] as number);
  }
  return layers;
}

function orderLayers(g: Layered, sweeps: number): number[] {
  const pos: number[] = new Array<number>(g.rank.length).fill(0);
  g.layers = dfsOrder(g);
  for (const layer of g.layers) layer.forEach((v, i) => (pos[v] = i));
  let best = g.layers.map((l) => [...l]);
  let bestCrossings = totalCrossings(g, pos);
  const n = g.layers.length;
  const scale = (a: number, b: number) =>
    (g.layers[a] as number[]).length / Math.max(1, (g.layers[b] as number[]).length);
  // Stops early after three sweeps without improvement.
  for (let s = 0, stale = 0; s < sweeps && bestCrossings > 0 && stale < 3; s++) {
    for (let r = 1; r < n; r++)
      reorderLayer(g.layers[r] as number[], g.preds, pos, scale(r - 1, r));
    for (let r = n - 2; r >= 0; r--)
      reorderLayer(g.layers[r] as number[], g.succs, pos, scale(r + 1, r));
    transpose(g, pos, 8);
    const c = totalCrossings(g, pos);
    stale++;
    if (c < bestCrossings) {
      stale = 0;
      bestCrossings = c;
      best = g.layers.map((l) => [...l]);
    }
  }
  g.layers = best;
  for (const layer of g.layers) layer.forEach((v, i) => (pos[v] = i));
  return pos;
}

/**
 * Minimises sum w_i (y_i - d_i)^2 subject to y_{i+1} - y_i >= sep_i (pool adjacent violators
 * on y_i minus the cumulative separation). Returns the new y of each slot.
 */
function placeLayer(desired: number[], weight: number[], sep: number[]): number[] {
  const offset: number[] = [0];
  for (let i = 1; i < desired.length; i++)
    offset.push((offset[i - 1] as number) + (sep[i - 1] as number));
  const blocks: { w: number; wz: number; size: number }[] = [];
  desired.forEach((d, i) => {
    const w = weight[i] as number;
    blocks.push({ w, wz: w * (d - (offset[i] as number)), size: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1] as (typeof blocks)[number];
      const a = blocks[blocks.length - 2] as (typeof blocks)[number];
      if (a.wz / a.w <= b.wz / b.w) break;
      blocks.splice(-2, 2, { w: a.w + b.w, wz: a.wz + b.wz, size: a.size + b.size });
    }
  });
  const out: number[] = [];
  for (const b of blocks)
    for (let k = 0; k < b.size; k++) out.push(b.wz / b.w + (offset[out.length] as number));
  return out;
}

function assignY(g: Layered, o: Required<LayoutOptions>): number[] {
  const half = (v: number) => (g.dummy[v] ? 0 : o.nodeHeight / 2);
  const gap = (a: number, b: number) => (g.dummy[a] || g.dummy[b] ? o.nodeGap / 2 : o.nodeGap);
  const seps = g.layers.map((l) =>
    l.slice(1).map((v, i) => half(l[i] as number) + half(v) + gap(l[i] as number, v)),
  );
  const y: number[] = new Array<number>(g.rank.length).fill(0);
  g.layers.forEach((l, r) =>
    placeLayer(
      l.map(() => 0),
      l.map(() => 1),
      seps[r] as number[],
    ).forEach((yy, i) => (y[l[i] as number] = yy)),
  );
  const pass = (r: number, neighbours: number[][][]) => {
    const l = g.layers[r] as number[];
    const desired: number[] = [];
    const weight: number[] = [];
    for (const v of l) {
      let sum = 0;
      let count = 0;
      for (const ns of neighbours) {
        for (const n of ns[v] as number[]) sum += y[n] as number;
        count += (ns[v] as number[]).length;
      }
      desired.push(count ? sum / count : (y[v] as number));
      weight.push(count ? count * (g.dummy[v] ? 4 : 1) : 0.01);
    }
    placeLayer(desired, weight, seps[r] as number[]).forEach((yy, i) => (y[l[i] as number] = yy));
  };
  for (let it = 0; it < 4; it++) {
    for (let r = 1; r < g.layers.length; r++) pass(r, [g.preds]);
    for (let r = g.layers.length - 2; r >= 0; r--) pass(r, [g.succs]);
  }
  for (let r = 0; r < g.layers.length; r++) pass(r, [g.preds, g.succs]);
  return y;
}

/** Lays out a ranked DAG left to right; throws when an edge does not go forward in rank. */
export function layeredLayout<Id extends string>(
  input: LayoutInput<Id>,
  options: LayoutOptions = {},
): Layout<Id> {
  const o = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const g = buildLayered(input);
  orderLayers(g, o.sweeps);
  const yc = assignY(g, o);
  const half = (v: number) => (g.dummy[v] ? 0 : o.nodeHeight / 2);
  let top = Infinity;
  let bottom = -Infinity;
  yc.forEach((y, v) => {
    top = Math.min(top, y - half(v));
    bottom = Math.max(bottom, y + half(v));
  });
  if (!Number.isFinite(top)) top = bottom = 0;
  const xOf = (v: number) => (g.rank[v] as number) * (o.nodeWidth + o.rankGap);
  const yOf = (v: number) => (yc[v] as number) - top;
  const nodes = new Map<Id, NodeBox>();
  input.nodes.forEach((n, v) =>
    nodes.set(n.id, {
      x: xOf(v),
      y: yOf(v) - o.nodeHeight / 2,
      width: o.nodeWidth,
      height: o.nodeHeight,
    }),
  );
  const edges: EdgeRoute<Id>[] = input.edges.map((e, i) => {
    const chain = g.chains[i] as number[];
    const s = chain[0] as number;
    const t = chain[chain.length - 1] as number;
    const points: Point[] = [{ x: xOf(s) + o.nodeWidth, y: yOf(s) }];
    for (const d of chain.slice(1, -1))
      points.push({ x: xOf(d), y: yOf(d) }, { x: xOf(d) + o.nodeWidth, y: yOf(d) });
    points.push({ x: xOf(t), y: yOf(t) });
    return { id: e.id, source: e.source, target: e.target, points };
  });
  const ranks = g.layers.length;
  return {
    nodes,
    edges,
    width: ranks ? ranks * o.nodeWidth + (ranks - 1) * o.rankGap : 0,
    height: bottom - top,
  };
}
