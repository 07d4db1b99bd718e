// Arrow-key movement between graph nodes: left/right to the nearest node of the previous or
// next rank, up/down to the neighbour within the same rank. Pure.
import type { NodeBox } from '../../shared/lib/layout/layout-types';

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export const isArrowKey = (key: string): key is ArrowKey =>
  key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';

const centreY = (b: NodeBox) => b.y + b.height / 2;

/** The id focus moves to from `id` on an arrow key, or `id` itself at the edge of the graph. */
export function nextNode<Id extends string>(
  boxes: ReadonlyMap<Id, NodeBox>,
  id: Id,
  key: ArrowKey,
): Id {
  const here = boxes.get(id);
  if (!here) return id;
  let best: Id = id;
  let bestScore = Infinity;
  for (const [other, box] of boxes) {
    if (other === id) continue;
    const dx = box.x - here.x;
    const dy = centreY(box) - centreY(here);
    let score = Infinity;
    if (key === 'ArrowUp' && dx === 0 && dy < 0) score = -dy;
    else if (key === 'ArrowDown' && dx === 0 && dy > 0) score = dy;
    else if (key === 'ArrowRight' && dx > 0) score = dx * 1e6 + Math.abs(dy);
    else if (key === 'ArrowLeft' && dx < 0) score = -dx * 1e6 + Math.abs(dy);
    if (score < bestScore) {
      bestScore = score;
      best = other;
    }
  }
  return best;
}
