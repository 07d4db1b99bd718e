// Mapping between database rows (snake_case, as both drivers return them) and repository types.
import type { DeploymentStatus } from '../../src/shared/constants/domain';
import type { DeploymentEvent } from '../../src/shared/schemas/api';
import type { DeploymentRow, NewEvent } from './repository';

export interface RawDeployment {
  ord: number | string;
  id: string;
  name: string;
  status: string;
  status_message: string;
  manifest: string;
  request_hash: string;
  idempotency_key: string | null;
  component_count: number;
  commit_sha: string | null;
  last_seq: number;
  created_at: string;
  updated_at: string;
  revision: number | string;
  base_revision: number | string | null;
  summary: string;
}

export interface RawEvent {
  seq: number;
  time: string;
  phase: string;
  level: string;
  message: string;
  component: string | null;
  state: string | null;
  duration_ms: number | null;
}

export const DEPLOYMENT_COLUMNS =
  'ord, id, name, status, status_message, manifest, request_hash, idempotency_key, ' +
  'component_count, commit_sha, last_seq, created_at, updated_at, revision, base_revision, summary';

export const EVENT_COLUMNS = 'seq, time, phase, level, message, component, state, duration_ms';

export function toDeploymentRow(r: RawDeployment): DeploymentRow {
  return {
    id: r.id,
    name: r.name,
    status: r.status as DeploymentStatus,
    statusMessage: r.status_message,
    manifestJson: r.manifest,
    requestHash: r.request_hash,
    idempotencyKey: r.idempotency_key,
    componentCount: Number(r.component_count),
    commitSha: r.commit_sha,
    lastSeq: Number(r.last_seq),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: Number(r.revision),
    baseRevision: r.base_revision === null ? null : Number(r.base_revision),
    summary: r.summary,
  };
}

/** Database values were written by appendEvents from typed events, so the casts restore those types. */
export function toEvent(r: RawEvent): DeploymentEvent {
  const e: DeploymentEvent = {
    seq: Number(r.seq),
    time: r.time,
    phase: r.phase as DeploymentEvent['phase'],
    level: r.level as DeploymentEvent['level'],
    message: r.message,
  };
  if (r.component !== null) e.component = r.component;
  if (r.state !== null) e.state = r.state as NonNullable<DeploymentEvent['state']>;
  if (r.duration_ms !== null) e.durationMs = Number(r.duration_ms);
  return e;
}

/** Positional values of one event row, after its deployment id and seq. */
export function eventValues(e: NewEvent): (string | number | null)[] {
  return [
    e.time,
    e.phase,
    e.level,
    e.message,
    e.component ?? null,
    e.state ?? null,
    e.durationMs === undefined ? null : Math.round(e.durationMs),
  ];
}
