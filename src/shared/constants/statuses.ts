// Statuses and phases of a deployment and the states of its components, once: each with its
// badge tone, its label and its order. The API schemas, the server's queries and every badge
// read these.
import type { ComponentState, DeploymentStatus } from './domain';

/** The tones a status badge comes in (the Badge component's `tone`). */
export type StatusTone = 'neutral' | 'accent' | 'ok' | 'warn' | 'danger';

interface StatusInfo {
  readonly tone: StatusTone;
  /** The pipeline does nothing more in it without an executor. */
  readonly final: boolean;
  /** An executor's run ends in it: nothing it reports may change it any more. */
  readonly runEnd: boolean;
}

const live: StatusInfo = { tone: 'accent', final: false, runEnd: false };

/** Every deployment status (DEPLOYMENT_STATUSES order) with its tone and whether it is final. */
export const DEPLOYMENT_STATUS_INFO: Readonly<Record<DeploymentStatus, StatusInfo>> = {
  pending: live,
  validating: live,
  rendering: live,
  committing: live,
  'ready-to-apply': { tone: 'ok', final: true, runEnd: false },
  provisioning: live,
  'tofu-applying': live,
  'flux-bootstrapping': live,
  'phase1-watching': live,
  ready: { tone: 'ok', final: true, runEnd: true },
  failed: { tone: 'danger', final: true, runEnd: true },
  cancelled: { tone: 'danger', final: true, runEnd: true },
};

/** The badge tone of a deployment (or revision) status; an unknown one is live. */
export const deploymentStatusTone = (status: string): StatusTone =>
  (DEPLOYMENT_STATUS_INFO as Readonly<Record<string, StatusInfo | undefined>>)[status]?.tone ??
  'accent';

/** The badge tone of each component state. */
export const COMPONENT_STATE_TONE: Readonly<Record<ComponentState, StatusTone>> = {
  pending: 'neutral',
  installing: 'accent',
  installed: 'ok',
  degraded: 'warn',
  failed: 'danger',
};

/** Steps of the deployment pipeline, in the order they run. */
export const PIPELINE_PHASES = [
  'validate',
  'persist',
  'render',
  'tofu-inputs',
  'commit',
  'components',
  'ready',
  // EXECUTOR=tofu: OpenTofu's steps, its outputs, the cluster watch, a cancel.
  'tofu-init',
  'tofu-plan',
  'tofu-apply',
  'tofu-outputs',
  'cluster-watch',
  'cancelled',
  'resume',
  'failed',
] as const;
export type PipelinePhase = (typeof PIPELINE_PHASES)[number];

/** The pipeline's steps as the page lists them, in order, with their titles (resume and failed are not steps). */
export const PIPELINE_STEPS = [
  { phase: 'validate', title: 'Validate the manifest' },
  { phase: 'persist', title: 'Store it, secrets encrypted' },
  { phase: 'render', title: 'Render the Flux tree' },
  { phase: 'tofu-inputs', title: 'Write the OpenTofu inputs' },
  { phase: 'commit', title: 'Commit to the GitOps repository' },
  { phase: 'components', title: 'List the components' },
  { phase: 'ready', title: 'Hand over to the executor' },
] as const satisfies readonly { phase: PipelinePhase; title: string }[];

/** The state of one pipeline step on the page. */
export type StepState = 'pending' | 'running' | 'done' | 'failed';

/** Each step state's badge tone and mark. */
export const STEP_STATE_INFO: Readonly<Record<StepState, { tone: StatusTone; mark: string }>> = {
  pending: { tone: 'neutral', mark: '○' },
  running: { tone: 'accent', mark: '◔' },
  done: { tone: 'ok', mark: '✓' },
  failed: { tone: 'danger', mark: '✕' },
};
