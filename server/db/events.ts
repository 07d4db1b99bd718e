// A deployment's events: appended after its last seq together with a guarded status change.
import type { DeploymentStatus } from '../../src/shared/constants/domain';
import type { Driver, Param, Queryable } from './driver';
import { GuardError, type NewEvent, type Repository, type StatusUpdate } from './repository';
import { EVENT_COLUMNS, eventValues, toEvent, type RawEvent } from './rows';
import { insertRows, statusNotIn } from './sql';

/** Inserts events numbered after `afterSeq`. */
export function insertEvents(
  q: Queryable,
  id: string,
  afterSeq: number,
  events: readonly NewEvent[],
) {
  let seq = afterSeq;
  return insertRows(
    q,
    `events (deployment_id, ${EVENT_COLUMNS})`,
    events.map((e) => [id, ++seq, ...eventValues(e)]),
  );
}

/** The UPDATE counting `count` more events and applying `u`, where `u.expect` holds. */
function updateStatement(id: string, count: number, u: StatusUpdate) {
  const params: Param[] = [
    count,
    new Date().toISOString(),
    u.status ?? null,
    u.statusMessage ?? null,
    u.commitSha ?? null,
    id,
  ];
  let where = 'id = $6';
  if (u.expect?.leaseOwner !== undefined) {
    params.push(u.expect.leaseOwner);
    where += ` AND lease_owner = $${params.length}`;
  }
  const notIn = u.expect?.notIn ?? [];
  if (notIn.length > 0) {
    where += ` AND ${statusNotIn(notIn.length, params.length + 1)}`;
    params.push(...notIn);
  }
  const sql = `UPDATE deployments SET last_seq = last_seq + $1, updated_at = $2,
       status = COALESCE($3, status), status_message = COALESCE($4, status_message),
       commit_sha = COALESCE($5, commit_sha)
     WHERE ${where} RETURNING last_seq`;
  return { sql, params };
}

/** Why the UPDATE changed nothing: its guard did not hold, or there is no such deployment. */
async function updateFailure(q: Queryable, id: string): Promise<Error> {
  const [s] = await q.query<{ status: DeploymentStatus; lease_owner: string | null }>(
    'SELECT status, lease_owner FROM deployments WHERE id = $1',
    [id],
  );
  if (s) return new GuardError(id, s.status, s.lease_owner);
  return new Error(`No deployment ${id}`);
}

/** Appends events after the last seq and applies the status change, guarded by `u.expect`. */
async function append(
  q: Queryable,
  id: string,
  events: readonly NewEvent[],
  u: StatusUpdate = {},
): Promise<number> {
  const { sql, params } = updateStatement(id, events.length, u);
  const [row] = await q.query<{ last_seq: number }>(sql, params);
  if (!row) throw await updateFailure(q, id);
  const last = Number(row.last_seq);
  await insertEvents(q, id, last - events.length, events);
  return last;
}

export function eventQueries(d: Driver): Pick<Repository, 'appendEvents' | 'listEvents'> {
  return {
    // Events and a status in one transaction; a status change alone is one statement already.
    appendEvents: (id, events, update) =>
      events.length === 0
        ? append(d, id, events, update)
        : d.transaction((tx) => append(tx, id, events, update)),
    listEvents: async (id, afterSeq, limit) =>
      (
        await d.query<RawEvent>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE deployment_id = $1 AND seq > $2
           ORDER BY seq LIMIT $3`,
          [id, afterSeq, limit],
        )
      ).map(toEvent),
  };
}
