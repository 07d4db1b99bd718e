// The graph as React Flow elements, derived from the draft store on every change: buildGraph +
// layoutGraph in useMemo (the graph is a view of the selection, never a copy), then highlight,
// family filter and focus laid over it.
import { useMemo, useState } from 'react';
import { MarkerType } from '@xyflow/react';
import type { FamilyId } from '../../shared/constants/catalog-types';
import { getComponent, type ComponentId } from '../../shared/constants/components';
import { getFamily } from '../../shared/constants/families';
import { buildGraph, chainOf } from '../../shared/lib/build-graph';
import { CATALOG_INDEX } from '../../shared/lib/catalog-graph';
import { layoutGraph } from '../../shared/lib/layout/layout-graph';
import { useResolvedSelection } from '../catalog/use-selection';
import type { ComponentNode, Highlight } from './component-node';
import type { DependencyEdge } from './dependency-edge';
import { reuseUnchanged } from './reuse-unchanged';

export interface GraphViewState {
  readonly showAll: boolean;
  readonly family: FamilyId | 'all';
  readonly hovered: ComponentId | null;
  readonly focused: ComponentId | null;
  readonly openId: ComponentId | null;
}

/** The resolved selection, the graph and its layout for the current draft. */
export function useGraphModel(showAll: boolean) {
  const resolved = useResolvedSelection();
  const graph = useMemo(
    () => buildGraph(CATALOG_INDEX, resolved, { showAll }),
    [resolved, showAll],
  );
  const layout = useMemo(() => layoutGraph(graph), [graph]);
  return { resolved, graph, layout };
}

export type GraphModel = ReturnType<typeof useGraphModel>;

/** React Flow nodes and edges for a model and the view state. */
export function useGraphElements({ graph, layout }: GraphModel, view: GraphViewState) {
  const chain = useMemo(
    () => (view.hovered && layout.nodes.has(view.hovered) ? chainOf(graph, view.hovered) : null),
    [graph, layout, view.hovered],
  );
  const tabbable =
    view.focused && layout.nodes.has(view.focused) ? view.focused : graph.nodes[0]?.id;

  // The elements of the previous render, by id: a cache this hook owns, not rendering state.
  const [previous] = useState(() => ({
    nodes: new Map<string, ComponentNode>(),
    edges: new Map<string, DependencyEdge>(),
  }));

  const freshNodes = useMemo<ComponentNode[]>(() => {
    const highlightOf = (id: ComponentId, family: string): Highlight => {
      if (chain) return chain.has(id) ? 'chain' : 'faded';
      return view.family !== 'all' && family !== view.family ? 'faded' : 'none';
    };
    return graph.nodes.map((n) => {
      const box = layout.nodes.get(n.id) ?? { x: 0, y: 0, width: 200, height: 56 };
      const c = getComponent(n.id);
      return {
        id: n.id,
        type: 'component',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        draggable: false,
        selectable: false,
        connectable: false,
        focusable: false,
        data: {
          id: n.id,
          name: c.name,
          color: getFamily(c.family).color,
          tier: n.tier,
          reason: n.reason,
          installed: n.installed,
          highlight: highlightOf(n.id, n.family),
          tabbable: n.id === tabbable,
          open: n.id === view.openId,
        },
      };
    });
  }, [graph, layout, chain, view.family, view.openId, tabbable]);

  const freshEdges = useMemo<DependencyEdge[]>(() => {
    const on = (e: { source: ComponentId; target: ComponentId }): Highlight =>
      chain ? (chain.has(e.source) && chain.has(e.target) ? 'chain' : 'faded') : 'none';
    return layout.edges.map((e, i) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'dependency',
      selectable: false,
      focusable: false,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      data: { points: e.points, installed: graph.edges[i]?.installed ?? false, highlight: on(e) },
    }));
  }, [graph, layout, chain]);

  // Unchanged elements keep their identity, so a toggle re-renders only the nodes it changes.
  const nodes = useMemo(() => {
    const list = reuseUnchanged(previous.nodes, freshNodes);
    previous.nodes.clear();
    for (const n of list) previous.nodes.set(n.id, n);
    return list;
  }, [freshNodes, previous]);
  const edges = useMemo(() => {
    const list = reuseUnchanged(previous.edges, freshEdges);
    previous.edges.clear();
    for (const e of list) previous.edges.set(e.id, e);
    return list;
  }, [freshEdges, previous]);

  return { nodes, edges };
}
