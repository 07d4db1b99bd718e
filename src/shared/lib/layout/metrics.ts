// Quality measures of a layout, the same for every algorithm: overlapping node pairs, edges
// that run backwards, and edge crossings counted geometrically on the drawn polylines.
import type { Layout, Point } from './layout-types';

/** Pairs of node ids whose boxes overlap (touching edges do not count); sweep over x. */
export function overlappingPairs<Id extends string>(layout: Layout<Id>): [Id, Id][] {
  const boxes = [...layout.nodes].sort((a, b) => a[1].x - b[1].x);
  const out: [Id, Id][] = [];
  for (let i = 0; i < boxes.length; i++) {
    const [a, A] = boxes[i] as (typeof boxes)[number];
    for (let j = i + 1; j < boxes.length; j++) {
      const [b, B] = boxes[j] as (typeof boxes)[number];
      if (B.x >= A.x + A.width) break;
      if (B.y < A.y + A.height && A.y < B.y + B.height) out.push([a, b]);
    }
  }
  return out;
}

/** Ids of edges whose source box does not end left of the target box. */
export function backwardEdges<Id extends string>(layout: Layout<Id>): string[] {
  return layout.edges
    .filter((e) => {
      const s = layout.nodes.get(e.source);
      const t = layout.nodes.get(e.target);
      return !s || !t || s.x + s.width > t.x;
    })
    .map((e) => e.id);
}

interface Segment {
  readonly edge: number;
  readonly a: Point;
  readonly b: Point;
}

const orient = (p: Point, q: Point, r: Point) =>
  Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
const same = (p: Point, q: Point) => Math.abs(p.x - q.x) < 1e-6 && Math.abs(p.y - q.y) < 1e-6;

function properlyCross(s: Segment, t: Segment): boolean {
  if (same(s.a, t.a) || same(s.a, t.b) || same(s.b, t.a) || same(s.b, t.b)) return false;
  return (
    orient(s.a, s.b, t.a) * orient(s.a, s.b, t.b) < 0 &&
    orient(t.a, t.b, s.a) * orient(t.a, t.b, s.b) < 0
  );
}

/** Pairs of edges whose polylines cross at least once (shared end points are not crossings). */
export function countCrossings(layout: Layout): number {
  const segments: Segment[] = [];
  layout.edges.forEach((e, edge) => {
    for (let i = 1; i < e.points.length; i++) {
      const p = e.points[i - 1] as Point;
      const q = e.points[i] as Point;
      if (same(p, q)) continue;
      segments.push(p.x <= q.x ? { edge, a: p, b: q } : { edge, a: q, b: p });
    }
  });
  segments.sort((s, t) => s.a.x - t.a.x);
  const crossing = new Set<number>();
  const n = layout.edges.length;
  let active: Segment[] = [];
  for (const s of segments) {
    active = active.filter((t) => t.b.x >= s.a.x);
    for (const t of active) {
      if (t.edge === s.edge) continue;
      const key = Math.min(s.edge, t.edge) * n + Math.max(s.edge, t.edge);
      if (!crossing.has(key) && properlyCross(s, t)) crossing.add(key);
    }
    active.push(s);
  }
  return crossing.size;
}
