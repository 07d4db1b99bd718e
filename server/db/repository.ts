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
  /** The revision of its Sovereign (the name): 1, 2, ... unique per name. */
  revision: number;
  /** The revision this one was edited from; null for revision 1. */
  baseRevision: number | null;
  /** One line: `Created` for revision 1, else the change summary's title. */
  summary: string;
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
  /** Default 1: the first deployment of the name. */
  revision?: number;
  /** Default null. */
  baseRevision?: number | null;
  /** Default `Created`. */
  summary?: string;
}

/**
 * created: false when the idempotency key was taken (`taken: 'idempotency-key'`, `row` the
 * deployment that key created) or the name already has this revision (`taken: 'revision'`, `row`
 * the deployment holding it): of concurrent inserts of one (name, revision) exactly one wins.
 */
export type CreateResult =
  | { created: true; row: DeploymentRow }
  | { created: false; taken: 'idempotency-key' | 'revision'; row: DeploymentRow };

/** A Sovereign in a list: its name, latest revision, that revision's status, last change. */
export interface SovereignRow {
  name: string;
  latestRevision: number;
  status: DeploymentStatus;
  updatedAt: string;
}

export interface StatusUpdate {
  status?: DeploymentStatus;
  statusMessage?: string;
  commitSha?: string;
  /**
   * Conditions checked in the same statement as the write; when one does not hold nothing is
   * written and appendEvents throws a GuardError. `leaseOwner`: the row's lease is held by this
   * owner. `notIn`: the current status is none of these (e.g. FINAL_STATUSES: a final status is
   * never flipped).
   */
  expect?: { leaseOwner?: string; notIn?: readonly DeploymentStatus[] };
}

/** An appendEvents whose `expect` did not hold: another replica owns the work, or it is final. */
export class GuardError extends Error {
  constructor(
    readonly deploymentId: string,
    readonly status: DeploymentStatus,
    readonly leaseOwner: string | null,
  ) {
    super(
      `Deployment ${deploymentId} changed under us (status ${status}, lease ${leaseOwner ?? 'none'})`,
    );
    this.name = 'GuardError';
  }
}

/** The lease of a deployment: which replica runs it and until when (ISO time), or nulls. */
export interface Lease {
  owner: string | null;
  until: string | null;
}

export interface Repository {
  readonly kind: 'sqlite' | 'postgres';
  /** Inserts a deployment with its secrets and first events in one transaction. */
  createDeployment(input: NewDeployment): Promise<CreateResult>;
  getDeployment(id: string): Promise<DeploymentRow | undefined>;
  /** The deployment an idempotency key created. */
  getDeploymentByKey(key: string): Promise<DeploymentRow | undefined>;
  /** The deployment that is revision `revision` of Sovereign `name`. */
  getRevision(name: string, revision: number): Promise<DeploymentRow | undefined>;
  /** Every revision of Sovereign `name`, ascending (empty for an unknown name). */
  listRevisions(name: string): Promise<DeploymentRow[]>;
  /** Every Sovereign, the most recently updated first (at most `limit`). */
  listSovereigns(limit: number): Promise<SovereignRow[]>;
  /** Newest first; `beforeOrd` is the opaque position a previous page ended at. */
  listDeployments(
    limit: number,
    beforeOrd: number | undefined,
  ): Promise<{ rows: DeploymentRow[]; lastOrd: number | undefined; more: boolean }>;
  /** Appends events (numbered after the last) and applies a status change, atomically. */
  appendEvents(id: string, events: readonly NewEvent[], update?: StatusUpdate): Promise<number>;
  listEvents(id: string, afterSeq: number, limit: number): Promise<DeploymentEvent[]>;
  listUnfinished(): Promise<string[]>;
  /**
   * Takes the lease of an unfinished deployment for `leaseMs` (database time on PostgreSQL) when it
   * has none, it expired, or `owner` already holds it; one atomic UPDATE, so of several claimers
   * exactly one wins. False: someone else holds it, or the deployment is final or unknown.
   */
  claim(id: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Extends a lease `owner` still holds (false: it was taken over, or the deployment is gone). */
  renew(id: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Gives up a lease `owner` holds (nothing when another holds it). */
  release(id: string, owner: string): Promise<void>;
  /** Unfinished deployments without a live lease (none, or expired), oldest first. */
  listClaimable(limit: number): Promise<string[]>;
  getLease(id: string): Promise<Lease | undefined>;
  /**
   * Drops every lease; returns how many. Only for a process that knows it is the database's one
   * user: SQLite at start (its leases are a dead previous process's), never with live peers.
   */
  releaseAll(): Promise<number>;
  /**
   * Runs fn holding the lock of one key (a Sovereign's repository) across every process on this
   * database: a PostgreSQL advisory lock, an in-process lock on SQLite (a single process).
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  getSecrets(id: string): Promise<Map<string, SealedSecret>>;
  putArtifact(id: string, name: string, content: string): Promise<void>;
  getArtifact(id: string, name: string): Promise<string | undefined>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
