// The interactive dependency graph of the Sovereign's components: React Flow drawing the
// layered layout of the current selection, with a toolbar, a side panel per component, chain
// highlighting on hover/focus, keyboard navigation and SVG/PNG export. Lazy-loaded.
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type EdgeTypes,
  type NodeTypes,
} from '@xyflow/react';
import type { FamilyId } from '../../shared/constants/catalog-types';
import { COMPONENTS, type ComponentId } from '../../shared/constants/components';
import {
  ComponentToggleProvider,
  ComponentToggleStatus,
  useOptionalToggle,
  useToggle,
} from '../catalog/component-toggle-provider';
import { cn } from '../ui/cn';
import { ComponentNodeComponent, type ComponentNode } from './component-node';
import { DependencyEdgeComponent } from './dependency-edge';
import { GraphActionsContext, nodeDomId, type GraphActions } from './graph-actions';
import { nextNode } from './graph-navigation';
import { GraphSidePanel } from './graph-side-panel';
import { GraphToolbar } from './graph-toolbar';
import { useGraphElements, useGraphModel } from './use-graph-elements';
import { useGraphExport } from './use-graph-export';

const nodeTypes: NodeTypes = { component: ComponentNodeComponent };
const edgeTypes: EdgeTypes = { dependency: DependencyEdgeComponent };
const minimapColor = (n: ComponentNode) => (n.data.installed ? n.data.color : 'transparent');

/** Theme: React Flow's variables mapped onto the app's Tailwind tokens (light and dark). */
const themeClass =
  '[--xy-background-color:var(--color-bg)] [--xy-edge-stroke:var(--color-fg-muted)] [--xy-minimap-background-color:var(--color-surface)] [--xy-controls-button-background-color:var(--color-surface)] [--xy-controls-button-background-color-hover:var(--color-muted)] [--xy-controls-button-color:var(--color-fg)] [--xy-controls-button-border-color:var(--color-border)]';

interface GraphViewProps {
  className?: string;
  /** Renders the toggle announcement: only when the graph owns its toggle provider. */
  ownStatus: boolean;
}

function GraphView({ className, ownStatus }: GraphViewProps) {
  const [showAll, setShowAll] = useState(false);
  const [family, setFamily] = useState<FamilyId | 'all'>('all');
  const [hovered, setHovered] = useState<ComponentId | null>(null);
  const [focused, setFocused] = useState<ComponentId | null>(null);
  const [openId, setOpenId] = useState<ComponentId | null>(null);
  const [message, setMessage] = useState('');
  const model = useGraphModel(showAll);
  const { nodes, edges } = useGraphElements(model, { showAll, family, hovered, focused, openId });
  const toggle = useToggle();
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const boxes = model.layout.nodes;

  const reveal = useCallback(
    (id: ComponentId, centre: boolean) => {
      const box = boxes.get(id);
      const el = document.getElementById(nodeDomId(id));
      const frame = wrapper.current?.getBoundingClientRect();
      const rect = el?.getBoundingClientRect();
      const inView =
        frame &&
        rect &&
        rect.left >= frame.left &&
        rect.right <= frame.right &&
        rect.top >= frame.top &&
        rect.bottom <= frame.bottom;
      if (box && (centre || !inView))
        void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, {
          zoom: Math.max(flow.getZoom(), 0.8),
          duration: 200,
        });
    },
    [boxes, flow],
  );

  // Closing the panel (✕ or Escape) hands focus back to the node it was opened from, or to the
  // graph's tabbable node when that component has left the graph.
  // The open id is mirrored in a ref so `close`, and with it the node actions, stay stable.
  const openRef = useRef<ComponentId | null>(null);
  const close = useCallback(() => {
    const id = openRef.current;
    if (!id) return;
    openRef.current = null;
    setOpenId(null);
    const own = document.getElementById(nodeDomId(id));
    if (own) {
      setFocused(id);
      own.focus({ preventScroll: true });
      reveal(id, false);
      return;
    }
    wrapper.current?.querySelector<HTMLElement>('[data-node-id][tabindex="0"]')?.focus();
  }, [reveal]);

  const actions = useMemo<GraphActions>(
    () => ({
      open: (id) => {
        openRef.current = id;
        setOpenId(id);
        setFocused(id);
      },
      close,
      hover: setHovered,
      move: (from, key) => {
        const to = nextNode(boxes, from, key);
        setFocused(to);
        document.getElementById(nodeDomId(to))?.focus({ preventScroll: true });
        reveal(to, false);
      },
    }),
    [boxes, close, reveal],
  );

  const find = useCallback(
    (query: string) => {
      const q = query.trim().toLowerCase();
      const hit = q
        ? COMPONENTS.find(
            (c) => boxes.has(c.id) && (c.name.toLowerCase().includes(q) || c.id.includes(q)),
          )
        : undefined;
      if (!hit) return false;
      setFocused(hit.id);
      reveal(hit.id, true);
      requestAnimationFrame(() =>
        document.getElementById(nodeDomId(hit.id))?.focus({ preventScroll: true }),
      );
      return true;
    },
    [boxes, reveal],
  );

  const exportAs = useGraphExport(model, setMessage);

  return (
    <GraphActionsContext.Provider value={actions}>
      <section
        aria-label="Dependency graph"
        className={cn(
          'flex min-h-[28rem] flex-col overflow-hidden rounded-lg border border-border bg-surface',
          className,
        )}
      >
        <GraphToolbar
          showAll={showAll}
          onShowAll={setShowAll}
          family={family}
          onFamily={setFamily}
          onFind={find}
          onExport={(f) => void exportAs(f)}
        />
        {ownStatus && <ComponentToggleStatus className="min-h-5 px-3 py-0.5 text-xs" />}
        {message && (
          <p role="alert" className="px-3 py-1 text-sm text-danger">
            {message}
          </p>
        )}
        <div className="flex min-h-0 flex-1 flex-col md:flex-row">
          <div ref={wrapper} className="relative min-h-[24rem] flex-1">
            <ReactFlow<ComponentNode>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              colorMode="system"
              className={themeClass}
              fitView
              minZoom={0.1}
              nodesDraggable={false}
              nodesConnectable={false}
              nodesFocusable={false}
              edgesFocusable={false}
              elementsSelectable={false}
              onNodeClick={(_, n) => actions.open(n.id as ComponentId)}
              onNodeMouseEnter={(_, n) => setHovered(n.id as ComponentId)}
              onNodeMouseLeave={() => setHovered(null)}
              onlyRenderVisibleElements={nodes.length > 300}
              proOptions={{ hideAttribution: true }}
              aria-label="Component dependency graph: dependencies on the left, what needs them to the right"
            >
              <Background />
              <Controls showInteractive={false} />
              <MiniMap<ComponentNode>
                nodeColor={minimapColor}
                pannable
                zoomable
                ariaLabel="Overview of the graph"
              />
            </ReactFlow>
          </div>
          {openId && (
            <GraphSidePanel
              id={openId}
              resolved={model.resolved}
              onOpen={actions.open}
              onToggle={toggle}
              onClose={close}
            />
          )}
        </div>
      </section>
    </GraphActionsContext.Provider>
  );
}

/**
 * The dependency graph with its own React Flow provider; the default export is for lazy(). Inside
 * a ComponentToggleProvider (the Components step) it shares that provider's dialog and
 * announcement; standalone (/graph, Review) it brings its own.
 */
export function DependencyGraph({ className }: { className?: string }) {
  const shared = useOptionalToggle() !== null;
  const view = (
    <ReactFlowProvider>
      <GraphView className={className} ownStatus={!shared} />
    </ReactFlowProvider>
  );
  return shared ? view : <ComponentToggleProvider>{view}</ComponentToggleProvider>;
}

export default DependencyGraph;
