// The bootstrap API's paths, once: the browser client builds its URLs from these and the
// server's routes and OpenAPI document declare the same patterns (`:param` segments).

export const API_BASE = '/api/v1';

/** Every route pattern of the API: those under /api/v1, the OpenAPI document and the probes. */
export const API_PATHS = {
  openApi: '/api/openapi.json',
  healthz: '/healthz',
  readyz: '/readyz',
  catalog: `${API_BASE}/catalog`,
  deployments: `${API_BASE}/deployments`,
  deployment: `${API_BASE}/deployments/:id`,
  deploymentManifest: `${API_BASE}/deployments/:id/manifest`,
  deploymentGitops: `${API_BASE}/deployments/:id/gitops`,
  deploymentRepository: `${API_BASE}/deployments/:id/repository`,
  deploymentCancel: `${API_BASE}/deployments/:id/cancel`,
  deploymentRetry: `${API_BASE}/deployments/:id/retry`,
  deploymentEvents: `${API_BASE}/deployments/:id/events`,
  clusterKubeconfig: `${API_BASE}/deployments/:id/clusters/:cluster/kubeconfig`,
  sovereigns: `${API_BASE}/sovereigns`,
  sovereign: `${API_BASE}/sovereigns/:name`,
  revisions: `${API_BASE}/sovereigns/:name/revisions`,
  revisionManifest: `${API_BASE}/sovereigns/:name/revisions/:revision/manifest`,
} as const;

/** The API path of one deployment's resource (`''`, `events`, `manifest`, `gitops`, ...). */
export const deploymentApiPath = (id: string, sub = ''): string =>
  `${API_PATHS.deployments}/${encodeURIComponent(id)}${sub ? `/${sub}` : ''}`;

/** The API path of one Sovereign. */
export const sovereignApiPath = (name: string): string =>
  `${API_PATHS.sovereigns}/${encodeURIComponent(name)}`;

/** The API path of a Sovereign's revisions. */
export const revisionsApiPath = (name: string): string => `${sovereignApiPath(name)}/revisions`;

/** The API path of one revision's manifest. */
export const revisionManifestApiPath = (name: string, revision: number): string =>
  `${revisionsApiPath(name)}/${revision}/manifest`;
