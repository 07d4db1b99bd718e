// The SVG path of an edge route: straight through rank columns, an S-curve with horizontal
// tangents across each gap. Shared by the React Flow edge and the SVG export.
import type { Point } from '../../shared/lib/layout/layout-types';

const r = (n: number) => Math.round(n * 10) / 10;

/** An SVG path `d` through the route's points. */
export function edgePath(points: readonly Point[]): string {
  const first = points[0];
  if (!first) return '';
  let d = `M${r(first.x)},${r(first.y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    if (Math.abs(a.y - b.y) < 0.5) d += ` L${r(b.x)},${r(b.y)}`;
    else {
      const mx = r((a.x + b.x) / 2);
      d += ` C${mx},${r(a.y)} ${mx},${r(b.y)} ${r(b.x)},${r(b.y)}`;
    }
  }
  return d;
}
