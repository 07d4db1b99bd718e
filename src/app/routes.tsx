// The one route table. Steps come from STEPS; every step page but the first is its own chunk.
import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { STEPS, type StepId } from '../shared/constants/steps';
import { InfrastructurePage } from '../pages/infrastructure-page';
import { RouteError } from '../pages/route-error';
import { RouteLoading } from '../pages/route-loading';
import { WizardLayout } from '../pages/wizard-layout';
import { ROUTES } from '../shared/constants/routes';

// The redirect validates the draft, which loads zod: it is its own chunk too.
const redirect: Pick<RouteObject, 'lazy'> = {
  lazy: async () => ({
    Component: (await import('./first-incomplete-redirect')).FirstIncompleteRedirect,
  }),
};

/**
 * Each step's page; a Record, so a new step in STEPS fails to compile here. All but the first are
 * React.lazy components: the wizard frame (with the step's heading) renders at once and suspends
 * only where the page goes, instead of the router waiting for the chunk before painting anything.
 */
const STEP_PAGES: Record<StepId, ComponentType> = {
  infrastructure: InfrastructurePage,
  storage: lazy(() => import('../pages/storage-page').then((m) => ({ default: m.StoragePage }))),
  dns: lazy(() => import('../pages/dns-page').then((m) => ({ default: m.DnsPage }))),
  components: lazy(() =>
    import('../pages/components-page').then((m) => ({ default: m.ComponentsPage })),
  ),
  review: lazy(() => import('../pages/review-page').then((m) => ({ default: m.ReviewPage }))),
};

const topRoutes: RouteObject[] = [
  { path: ROUTES.home, ...redirect },
  {
    path: ROUTES.wizard,
    Component: WizardLayout,
    children: [
      { index: true, ...redirect },
      ...STEPS.map((s) => ({
        path: s.path,
        ErrorBoundary: RouteError,
        Component: STEP_PAGES[s.id],
      })),
      { path: '*', ...redirect },
    ],
  },
  // ─── Routes owned by other engineers: add each as ONE lazily-loaded line here. ───
  {
    path: ROUTES.graph,
    lazy: async () => ({ Component: (await import('../pages/graph-page')).GraphPage }),
  },
  {
    path: ROUTES.deployments,
    lazy: async () => ({ Component: (await import('../pages/deployments-page')).DeploymentsPage }),
  },
  {
    path: ROUTES.deployment,
    lazy: async () => ({ Component: (await import('../pages/deployment-page')).DeploymentPage }),
  },
  {
    path: ROUTES.sovereign,
    lazy: async () => ({ Component: (await import('../pages/sovereign-page')).SovereignPage }),
  },
  // ─── end of other engineers' routes ───
  { path: '*', lazy: async () => ({ Component: (await import('../pages/not-found')).NotFound }) },
];

/**
 * Every top-level route also shows RouteError when it fails (steps keep the wizard frame), and
 * RouteLoading while a lazy route's code loads on the first page load (its HydrateFallback).
 */
export const routes: RouteObject[] = topRoutes.map((r) => ({
  ErrorBoundary: RouteError,
  HydrateFallback: RouteLoading,
  ...r,
}));
