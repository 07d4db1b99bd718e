// Focus and highlight state of the dependency graph: which node is hovered, focused and open in
// the side panel, plus the actions that move keyboard focus between nodes, keep the focused node
// in view, find a component by name and hand focus back when the side panel closes.
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { COMPONENTS, type ComponentId } from '../../shared/constants/components';
import { nodeDomId, type GraphActions } from './graph-actions';
import { nextNode } from './graph-navigation';
import type { GraphModel } from './use-graph-elements';

type Boxes = GraphModel['layout']['nodes'];

/** The focusable element of a node, when it is drawn. */
const nodeElement = (id: ComponentId): HTMLElement | null => document.getElementById(nodeDomId(id));

/** Focuses a node's element without scrolling the page; false when it is not drawn. */
function focusNode(id: ComponentId): boolean {
  const el = nodeElement(id);
  el?.focus({ preventScroll: true });
  return el !== null;
}

/** Whether a node's element lies wholly inside the graph's frame. */
function isInView(id: ComponentId, frame: DOMRect | undefined): boolean {
  const rect = nodeElement(id)?.getBoundingClientRect();
  return Boolean(
    frame &&
    rect &&
    rect.left >= frame.left &&
    rect.right <= frame.right &&
    rect.top >= frame.top &&
    rect.bottom <= frame.bottom,
  );
}

/** The first drawn component whose name or id matches a query. */
function findComponent(boxes: Boxes, query: string): ComponentId | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  return COMPONENTS.find(
    (c) => boxes.has(c.id) && (c.name.toLowerCase().includes(q) || c.id.includes(q)),
  )?.id;
}

/** Pans the graph to a node when asked to centre it or when it is out of view. */
function useReveal(boxes: Boxes, wrapper: RefObject<HTMLDivElement | null>) {
  const flow = useReactFlow();
  return useCallback(
    (id: ComponentId, centre: boolean) => {
      const box = boxes.get(id);
      if (!box || (!centre && isInView(id, wrapper.current?.getBoundingClientRect()))) return;
      void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, {
        zoom: Math.max(flow.getZoom(), 0.8),
        duration: 200,
      });
    },
    [boxes, flow, wrapper],
  );
}

/** Hover, focus and side-panel state of the graph and the actions nodes call. */
export function useGraphFocus(boxes: Boxes, wrapper: RefObject<HTMLDivElement | null>) {
  const [hovered, setHovered] = useState<ComponentId | null>(null);
  const [focused, setFocused] = useState<ComponentId | null>(null);
  const [openId, setOpenId] = useState<ComponentId | null>(null);
  const reveal = useReveal(boxes, wrapper);

  // Closing the panel (✕ or Escape) hands focus back to the node it was opened from, or to the
  // graph's tabbable node when that component has left the graph.
  // The open id is mirrored in a ref so `close`, and with it the node actions, stay stable.
  const openRef = useRef<ComponentId | null>(null);
  const close = useCallback(() => {
    const id = openRef.current;
    if (!id) return;
    openRef.current = null;
    setOpenId(null);
    if (nodeElement(id)) {
      setFocused(id);
      focusNode(id);
      reveal(id, false);
      return;
    }
    wrapper.current?.querySelector<HTMLElement>('[data-node-id][tabindex="0"]')?.focus();
  }, [reveal, wrapper]);

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
        focusNode(to);
        reveal(to, false);
      },
    }),
    [boxes, close, reveal],
  );

  const find = useCallback(
    (query: string) => {
      const hit = findComponent(boxes, query);
      if (!hit) return false;
      setFocused(hit);
      reveal(hit, true);
      requestAnimationFrame(() => focusNode(hit));
      return true;
    },
    [boxes, reveal],
  );

  return { hovered, focused, openId, actions, find };
}
