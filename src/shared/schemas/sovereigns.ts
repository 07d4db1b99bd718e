// Contracts of the Sovereign and revision endpoints (issue #12): one Sovereign per name, an ordered
// list of revisions, each a deployment of that name. Shared by the server (OpenAPI) and the UI.
import * as z from 'zod/mini';
import { revisionsApiPath } from '../constants/api-paths';
import { deploymentCreatedSchema } from './api';

/** One revision of a Sovereign: a manifest, its deployment, its commit and its pipeline status. */
export const revisionSchema = z.object({
  /** 1, 2, … in creation order. */
  revision: z.number(),
  deploymentId: z.string(),
  /** The revision this one was edited from; null for revision 1. */
  baseRevision: z.nullable(z.number()),
  /** A DeploymentStatus. */
  status: z.string(),
  commitSha: z.nullable(z.string()),
  /** One line: 'Created' for revision 1, else the change summary's first line. */
  summary: z.string(),
  /** ISO time. */
  createdAt: z.string(),
});
export type Revision = z.infer<typeof revisionSchema>;

export const sovereignSummarySchema = z.object({
  name: z.string(),
  latestRevision: z.number(),
  status: z.string(),
  updatedAt: z.string(),
});
export type SovereignSummary = z.infer<typeof sovereignSummarySchema>;

/** A Sovereign with its revisions, ascending by revision. */
export const sovereignSchema = z.object({ name: z.string(), revisions: z.array(revisionSchema) });
export type Sovereign = z.infer<typeof sovereignSchema>;

export const sovereignListSchema = z.object({ sovereigns: z.array(sovereignSummarySchema) });
export type SovereignList = z.infer<typeof sovereignListSchema>;

/** The answer to POST /sovereigns/:name/revisions: POST /deployments' answer plus the revision. */
export const revisionCreatedSchema = z.extend(deploymentCreatedSchema, { revision: z.number() });
export type RevisionCreated = z.infer<typeof revisionCreatedSchema>;

/** The error code of a 409 for a base revision that is not the latest. */
export const STALE_BASE_CODE = 'stale_base';

/** The path of a Sovereign's revisions. */
export const revisionsUrl = revisionsApiPath;
