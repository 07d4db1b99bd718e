// One component in the graph: logo, name, family colour, tier marker and a badge when it is
// only there as a dependency. A roving-tabindex button: Enter opens the panel, Escape closes it,
// arrows move; pointer clicks and hovers reach the graph through React Flow's node handlers.
import { memo, type CSSProperties, type KeyboardEvent } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { TIER_INFO, type Tier } from '../../shared/constants/catalog-types';
import type { ComponentId } from '../../shared/constants/components';
import type { WhyReason } from '../../shared/lib/explain-why';
import { cn } from '../ui/cn';
import { nodeDomId, useGraphActions } from './graph-actions';
import { isArrowKey } from './graph-navigation';
import { ON_BY_DEFAULT_TEXT, REASON_TEXT } from '../../shared/constants/reasons';

/** 'chain': on the hovered node's chain; 'faded': off it, or outside the family filter. */
export type Highlight = 'none' | 'chain' | 'faded';

export type ComponentNodeData = {
  id: ComponentId;
  name: string;
  color: string;
  tier: Tier;
  reason: WhyReason<ComponentId>['kind'];
  installed: boolean;
  highlight: Highlight;
  /** The one node Tab lands on. */
  tabbable: boolean;
  /** Its side panel is open. */
  open: boolean;
};

export type ComponentNode = Node<ComponentNodeData, 'component'>;

const PULLED_IN = new Set(['dependency', 'locked']);
const handleClass = '!min-h-0 !min-w-0 !size-1 !border-0 !bg-transparent';

function ComponentNodeView({ data }: NodeProps<ComponentNode>) {
  const actions = useGraphActions();
  const tier = TIER_INFO[data.tier];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') actions.open(data.id);
    else if (isArrowKey(e.key)) actions.move(data.id, e.key);
    else if (e.key === 'Escape' && data.open) actions.close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      id={nodeDomId(data.id)}
      role="button"
      tabIndex={data.tabbable ? 0 : -1}
      aria-label={`${data.name}, ${tier.label}, ${data.reason === 'chosen' && data.tier === 'recommended' ? ON_BY_DEFAULT_TEXT.node : REASON_TEXT[data.reason].node}`}
      aria-pressed={data.open}
      data-node-id={data.id}
      style={{ '--family': data.color } as CSSProperties}
      onKeyDown={onKeyDown}
      onFocus={() => actions.hover(data.id)}
      onBlur={() => actions.hover(null)}
      className={cn(
        'flex h-14 w-[200px] cursor-pointer items-center gap-2 overflow-hidden rounded-lg border border-l-[6px] border-border border-l-(--family) bg-surface px-2 text-left text-fg shadow-sm transition-opacity',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus',
        data.open && 'ring-2 ring-accent',
        data.highlight === 'chain' && 'border-(--family) shadow-md',
        data.highlight === 'faded' && 'opacity-25',
        !data.installed && data.highlight !== 'chain' && 'border-dashed opacity-45',
      )}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        className={handleClass}
      />
      <img
        src={`/component-logos/${data.id}.svg`}
        alt=""
        width={24}
        height={24}
        className="size-6 shrink-0"
      />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm font-semibold">{data.name}</span>
        <span className="flex items-center gap-1 text-[11px] text-fg-muted">
          <span
            title={tier.label}
            className="inline-flex size-4 items-center justify-center rounded-full border border-current text-[9px] font-bold"
          >
            {tier.mark}
          </span>
          {tier.label}
        </span>
      </span>
      {data.installed && PULLED_IN.has(data.reason) && (
        <span className="shrink-0 rounded-full border border-accent px-1.5 text-[10px] font-medium text-accent">
          dep
        </span>
      )}
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={false}
        className={handleClass}
      />
    </div>
  );
}

/** The memoised custom node; re-renders only when its data changes. */
export const ComponentNodeComponent = memo(ComponentNodeView);
