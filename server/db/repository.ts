// The storage contract of the API, implemented by SQLite (embedded) and PostgreSQL.
import type { DeploymentStatus } from '../../src/shared/constants/domain';
import type { DeploymentEvent } from '../../src/shared/schemas/api';
import type { SealedSecret } from '../crypto';

export interface DeploymentRow {
  id: string;
  name: string;
  status: DeploymentStatus;
  statusMessage: string;
  /** The manifest as JSON, never with secrets. */
  manifestJson: string;
  requestHash: string;
  idempotencyKey: string | null;
  componentCount: number;
  commitSha: string | null;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
}

export type NewEvent = Omit<DeploymentEvent, 'seq'>;

/** A deployment to insert: the row's own fields, its sealed secrets and first events. */
export interface NewDeployment extends Pick<
  DeploymentRow,
  | 'id'
  | 'name'
  | 'status'
  | 'statusMessage'
  | 'manifestJson'
  | 'requestHash'
  | 'idempotencyKey'
  | 'componentCount'
> {
  secrets: ReadonlyMap<string, SealedSecret>;
  events: readonly NewEvent[];
  now: string;
}

/** created: false means the idempotency key was taken; `row` is then the existing deployment. */
export interface CreateResult {
  created: boolean;
  row: DeploymentRow;
}

export interface StatusUpdate {
  status?: DeploymentStatus;
  statusMessage?: string;
  commitSha?: string;
}

export interface Repository {
  readonly kind: 'sqlite' | 'postgres';
  /** Inserts a deployment with its secrets and first events in one transaction. */
  createDeployment(input: NewDeployment): Promise<CreateResult>;
  getDeployment(id: string): Promise<DeploymentRow | undefined>;
  /** Newest first; `beforeOrd` is the opaque position a previous page ended at. */
  listDeployments(
    limit: number,
    beforeOrd: number | undefined,
  ): Promise<{ rows: DeploymentRow[]; lastOrd: number | undefined; more: boolean }>;
  /** Appends events (numbered after the last) and applies a status change, atomically. */
  appendEvents(id: string, events: readonly NewEvent[], update?: StatusUpdate): Promise<number>;
  listEvents(id: string, afterSeq: number, limit: number): Promise<DeploymentEvent[]>;
  listUnfinished(): Promise<string[]>;
  getSecrets(id: string): Promise<Map<string, SealedSecret>>;
  putArtifact(id: string, name: string, content: string): Promise<void>;
  getArtifact(id: string, name: string): Promise<string | undefined>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
