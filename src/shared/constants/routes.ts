// The app's own paths, once: the router's patterns and the builders every link and navigate()
// uses. The wizard's step paths live with the steps (STEPS in ./steps).
import { getStep, type StepId } from './steps';

/** The router's path patterns. */
export const ROUTES = {
  home: '/',
  wizard: '/wizard',
  graph: '/graph',
  deployments: '/deployments',
  deployment: '/deployments/:id',
  sovereign: '/sovereigns/:name',
} as const;

/** The path of a wizard step, e.g. `/wizard/review`. */
export const stepPath = (id: StepId): string => getStep(id).path;

/** The page of one deployment. */
export const deploymentRoute = (id: string): string => `/deployments/${encodeURIComponent(id)}`;

/** The page of one Sovereign (its revisions). */
export const sovereignRoute = (name: string): string => `/sovereigns/${encodeURIComponent(name)}`;
