// Contracts of the bootstrap API's responses, shared by the server (which generates its OpenAPI
// document from them) and the browser client (which parses every response with them).
import * as z from 'zod/mini';
import { COMPONENT_STATES, DEPLOYMENT_STATUSES } from '../constants/domain';
import type { ComponentState, DeploymentStatus } from '../constants/domain';
import { DEPLOYMENT_STATUS_INFO, PIPELINE_PHASES, type PipelinePhase } from '../constants/statuses';

export const deploymentStatusSchema = z.enum(
  DEPLOYMENT_STATUSES as unknown as [DeploymentStatus, ...DeploymentStatus[]],
);
export const componentStateSchema = z.enum(
  COMPONENT_STATES as unknown as [ComponentState, ...ComponentState[]],
);

/** Statuses after which a deployment's pipeline does nothing more without an executor. */
export const FINAL_STATUSES: readonly DeploymentStatus[] = DEPLOYMENT_STATUSES.filter(
  (s) => DEPLOYMENT_STATUS_INFO[s].final,
);

/** Statuses an executor's run ends in: nothing it reports may change them any more. */
export const RUN_END_STATUSES: readonly DeploymentStatus[] = DEPLOYMENT_STATUSES.filter(
  (s) => DEPLOYMENT_STATUS_INFO[s].runEnd,
);

export { PIPELINE_PHASES, type PipelinePhase };

export const deploymentLinksSchema = z.object({
  self: z.string(),
  events: z.string(),
  manifest: z.string(),
  gitops: z.string(),
});

/** The answer to a submit: 201 for a new deployment, 200 for an idempotent replay. */
export const deploymentCreatedSchema = z.object({
  id: z.string(),
  status: deploymentStatusSchema,
  links: deploymentLinksSchema,
});
export type DeploymentCreated = z.infer<typeof deploymentCreatedSchema>;

export const deploymentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: deploymentStatusSchema,
  /** One plain sentence on where the deployment stands (never claims a cluster that does not exist). */
  statusMessage: z.string(),
  componentCount: z.number(),
  /** The GitOps commit, once written. */
  commit: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  links: deploymentLinksSchema,
  /** Which revision of its Sovereign (the name) this is: 1, 2, … (always sent by the API). */
  revision: z.optional(z.number()),
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const deploymentPageSchema = z.object({
  items: z.array(deploymentSchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type DeploymentPage = z.infer<typeof deploymentPageSchema>;

export const deploymentEventSchema = z.object({
  /** Position in the deployment's event log, from 1; the SSE `id:`. */
  seq: z.number(),
  time: z.string(),
  phase: z.enum(PIPELINE_PHASES),
  level: z.enum(['info', 'warn', 'error']),
  message: z.string(),
  component: z.optional(z.string()),
  state: z.optional(componentStateSchema),
  durationMs: z.optional(z.number()),
});
export type DeploymentEvent = z.infer<typeof deploymentEventSchema>;

/** Data of the final SSE `event: done`. */
export const eventsDoneSchema = z.object({
  status: deploymentStatusSchema,
  statusMessage: z.string(),
  /** The GitOps commit at the end (null when none was written), so a client needs no re-read. */
  commit: z.optional(z.nullable(z.string())),
});
export type EventsDone = z.infer<typeof eventsDoneSchema>;

export const problemSchema = z.object({ path: z.string(), message: z.string() });
export type Problem = z.infer<typeof problemSchema>;

/** Every error response: a stable code, a sentence for people, and field problems for 400s. */
/**
 * The error codes of a 409 for a Sovereign name that already has a deployment (one Sovereign, one
 * name, one repository). `sovereign_exists` in the API's snake_case; the kebab spelling is read too.
 */
export const SOVEREIGN_EXISTS_CODES: readonly string[] = ['sovereign_exists', 'sovereign-exists'];

/** The deployment that already carries the name, as a `sovereign_exists` 409 names it. */
export const existingSovereignSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.optional(z.string()),
});
export type ExistingSovereign = z.infer<typeof existingSovereignSchema>;

export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  problems: z.optional(z.array(problemSchema)),
  /** With `sovereign_exists` (409): the existing deployment of that name. */
  existing: z.optional(existingSovereignSchema),
  /** With `sovereign_exists` (409): where that Sovereign takes a new revision. */
  revisionsUrl: z.optional(z.string()),
  /** With `stale_base` (409): the revision a change must be based on now. */
  latestRevision: z.optional(z.number()),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export const catalogComponentSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  family: z.string(),
  tier: z.string(),
  fluxCategory: z.string(),
  namespace: z.string(),
  dependsOn: z.array(z.string()),
  chart: z.nullable(z.object({ repository: z.string(), name: z.string(), version: z.string() })),
  resources: z.object({
    cpuMillicores: z.number(),
    memoryMiB: z.number(),
    storageGiB: z.number(),
  }),
});
export const catalogResponseSchema = z.object({ components: z.array(catalogComponentSchema) });
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;

export const healthSchema = z.object({ status: z.string() });
