// What a node can ask of the graph around it, passed by context so node data stays plain and
// `nodeTypes` stays a module constant.
import { createContext, useContext } from 'react';
import type { ComponentId } from '../../shared/constants/components';
import type { ArrowKey } from './graph-navigation';

export interface GraphActions {
  /** Opens the side panel for a component. */
  open: (id: ComponentId) => void;
  /** Closes the side panel and focuses the node it showed. */
  close: () => void;
  /** Highlights a component's chain (null clears it). */
  hover: (id: ComponentId | null) => void;
  /** Moves keyboard focus from a node in an arrow's direction. */
  move: (from: ComponentId, key: ArrowKey) => void;
}

const noop = () => {};
export const GraphActionsContext = createContext<GraphActions>({
  open: noop,
  close: noop,
  hover: noop,
  move: noop,
});

/** The actions of the graph a node is drawn in. */
export const useGraphActions = (): GraphActions => useContext(GraphActionsContext);

/** The DOM id of a node's focusable element. */
export const nodeDomId = (id: string): string => `graph-node-${id}`;
