// The interactive dependency graph of the Sovereign's components: React Flow drawing the
// layered layout of the current selection, with a toolbar, a side panel per component, chain
// highlighting on hover/focus, keyboard navigation and SVG/PNG export. Lazy-loaded.
import '@xyflow/react/dist/style.css';
import { useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  type EdgeTypes,
  type NodeTypes,
} from '@xyflow/react';
import type { FamilyId } from '../../shared/constants/catalog-types';
import type { ComponentId } from '../../shared/constants/components';
import {
  ComponentToggleProvider,
  ComponentToggleStatus,
  useOptionalToggle,
  useToggle,
} from '../catalog/component-toggle-provider';
import { cn } from '../ui/cn';
import { ComponentNodeComponent, type ComponentNode } from './component-node';
import { DependencyEdgeComponent, type DependencyEdge } from './dependency-edge';
import { GraphActionsContext, type GraphActions } from './graph-actions';
import { GraphSidePanel } from './graph-side-panel';
import { GraphToolbar } from './graph-toolbar';
import { useGraphElements, useGraphModel } from './use-graph-elements';
import { useGraphExport } from './use-graph-export';
import { useGraphFocus } from './use-graph-focus';

const nodeTypes: NodeTypes = { component: ComponentNodeComponent };
const edgeTypes: EdgeTypes = { dependency: DependencyEdgeComponent };
const minimapColor = (n: ComponentNode) => (n.data.installed ? n.data.color : 'transparent');

/** Theme: React Flow's variables mapped onto the app's Tailwind tokens (light and dark). */
const themeClass =
  '[--xy-background-color:var(--color-bg)] [--xy-edge-stroke:var(--color-fg-muted)] [--xy-minimap-background-color:var(--color-surface)] [--xy-controls-button-background-color:var(--color-surface)] [--xy-controls-button-background-color-hover:var(--color-muted)] [--xy-controls-button-color:var(--color-fg)] [--xy-controls-button-border-color:var(--color-border)]';

interface GraphCanvasProps {
  nodes: ComponentNode[];
  edges: DependencyEdge[];
  actions: GraphActions;
}

/** The React Flow canvas: nodes, edges, background, zoom controls and the minimap. */
function GraphCanvas({ nodes, edges, actions }: GraphCanvasProps) {
  return (
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
      onNodeMouseEnter={(_, n) => actions.hover(n.id as ComponentId)}
      onNodeMouseLeave={() => actions.hover(null)}
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
  );
}

/** The export failure, when there is one. */
function GraphMessage({ message }: { message: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="px-3 py-1 text-sm text-danger">
      {message}
    </p>
  );
}

interface GraphViewProps {
  className?: string;
  /** Renders the toggle announcement: only when the graph owns its toggle provider. */
  ownStatus: boolean;
}

function GraphView({ className, ownStatus }: GraphViewProps) {
  const [showAll, setShowAll] = useState(false);
  const [family, setFamily] = useState<FamilyId | 'all'>('all');
  const [message, setMessage] = useState('');
  const model = useGraphModel(showAll);
  const wrapper = useRef<HTMLDivElement>(null);
  const { hovered, focused, openId, actions, find } = useGraphFocus(model.layout.nodes, wrapper);
  const { nodes, edges } = useGraphElements(model, { showAll, family, hovered, focused, openId });
  const toggle = useToggle();
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
        <GraphMessage message={message} />
        <div className="flex min-h-0 flex-1 flex-col md:flex-row">
          <div ref={wrapper} className="relative min-h-[24rem] flex-1">
            <GraphCanvas nodes={nodes} edges={edges} actions={actions} />
          </div>
          {openId && (
            <GraphSidePanel
              id={openId}
              resolved={model.resolved}
              onOpen={actions.open}
              onToggle={toggle}
              onClose={actions.close}
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
