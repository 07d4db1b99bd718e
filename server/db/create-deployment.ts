// Creating a deployment: its row, sealed secrets and first events in one transaction, with the
// replay of a taken idempotency key and the loser's side of a race for one (name, revision).
import type { Driver, Queryable } from './driver';
import { insertEvents } from './events';
import { BY_KEY_SQL, findByKey } from './deployments';
import type { CreateResult, NewDeployment, Repository } from './repository';
import { DEPLOYMENT_COLUMNS, toDeploymentRow, type RawDeployment } from './rows';
import { insertSecrets } from './secrets';
import { findRevision } from './sovereigns';

/** The row with its first events already counted, as inserted; none when the key was taken. */
async function insertRow(q: Queryable, n: NewDeployment): Promise<RawDeployment | undefined> {
  const [inserted] = await q.query<RawDeployment>(
    `INSERT INTO deployments (id, name, status, status_message, manifest, request_hash,
           idempotency_key, component_count, last_seq, created_at, updated_at, revision,
           base_revision, summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${DEPLOYMENT_COLUMNS}`,
    [
      n.id,
      n.name,
      n.status,
      n.statusMessage,
      n.manifestJson,
      n.requestHash,
      n.idempotencyKey,
      n.componentCount,
      n.events.length,
      n.now,
      n.revision ?? 1,
      n.baseRevision ?? null,
      n.summary ?? 'Created',
    ],
  );
  return inserted;
}

// One statement per table, no UPDATE or SELECT after the row (each is a round trip on PostgreSQL).
const insert = (d: Driver, n: NewDeployment) =>
  d.transaction(async (tx): Promise<CreateResult> => {
    const inserted = await insertRow(tx, n);
    if (!inserted) {
      const [existing] = await tx.query<RawDeployment>(BY_KEY_SQL, [n.idempotencyKey]);
      return {
        created: false,
        taken: 'idempotency-key',
        row: toDeploymentRow(existing as RawDeployment),
      };
    }
    await insertSecrets(tx, n.id, n.secrets);
    await insertEvents(tx, n.id, 0, n.events);
    return { created: true, row: toDeploymentRow(inserted) };
  });

/**
 * True for a violation of the unique (name, revision) index: SQLite names its columns, PostgreSQL
 * (SQLSTATE 23505) the index.
 */
function isRevisionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (e.code === '23505') return e.constraint === 'deployments_name_revision';
  return (
    typeof e.code === 'string' &&
    e.code.startsWith('SQLITE_CONSTRAINT') &&
    typeof e.message === 'string' &&
    e.message.includes('deployments.name, deployments.revision')
  );
}

// The unique (name, revision) index decides between concurrent inserts of one revision: the
// loser's transaction fails on it and is rolled back whole (no secret or event of it is left).
// A loser whose idempotency key a concurrent twin took is that twin's replay.
async function create(d: Driver, n: NewDeployment): Promise<CreateResult> {
  try {
    return await insert(d, n);
  } catch (err) {
    if (!isRevisionConflict(err)) throw err;
    const twin = await findByKey(d, n.idempotencyKey);
    if (twin) return { created: false, taken: 'idempotency-key', row: toDeploymentRow(twin) };
    const holder = await findRevision(d, n.name, n.revision ?? 1);
    if (!holder) throw err;
    return { created: false, taken: 'revision', row: toDeploymentRow(holder) };
  }
}

export function creation(d: Driver): Pick<Repository, 'createDeployment'> {
  return { createDeployment: (n) => create(d, n) };
}
