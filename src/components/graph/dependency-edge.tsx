// A dependency edge drawn along the route the layout computed (through its rank columns),
// rather than React Flow's default curve between the handles.
import { memo } from 'react';
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import type { Point } from '../../shared/lib/layout/layout-types';
import { cn } from '../ui/cn';
import type { Highlight } from './component-node';
import { edgePath } from './edge-path';

export type DependencyEdgeData = {
  points: readonly Point[];
  installed: boolean;
  highlight: Highlight;
};

export type DependencyEdge = Edge<DependencyEdgeData, 'dependency'>;

function DependencyEdgeView({ id, data, markerEnd }: EdgeProps<DependencyEdge>) {
  if (!data) return null;
  return (
    <BaseEdge
      id={id}
      path={edgePath(data.points)}
      markerEnd={markerEnd}
      className={cn(
        'transition-opacity',
        !data.installed && '[stroke-dasharray:4_4] opacity-40',
        data.highlight === 'chain' && '!stroke-accent [stroke-width:2.5]',
        data.highlight === 'faded' && 'opacity-10',
      )}
    />
  );
}

/** The memoised custom edge. */
export const DependencyEdgeComponent = memo(DependencyEdgeView);
