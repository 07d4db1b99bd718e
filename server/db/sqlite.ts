// Embedded SQLite (better-sqlite3): WAL with synchronous=FULL, so a committed transaction survives
// a crash of the process or the machine before the API answers 201.
import Database from 'better-sqlite3';
import type { DeploymentStatus } from '../../src/shared/constants/domain';
import { FINAL_STATUSES } from '../../src/shared/schemas/api';
import type { SealedSecret } from '../crypto';
import { MIGRATIONS, MIGRATIONS_TABLE_SQL } from './migrations';
import {
  GuardError,
  type CreateResult,
  type NewDeployment,
  type NewEvent,
  type Repository,
  type StatusUpdate,
} from './repository';
import {
  DEPLOYMENT_COLUMNS,
  EVENT_COLUMNS,
  eventValues,
  toDeploymentRow,
  toEvent,
  type RawDeployment,
  type RawEvent,
} from './rows';

function migrate(db: Database.Database): void {
  db.exec(MIGRATIONS_TABLE_SQL);
  const applied = new Set(
    db
      .prepare('SELECT version FROM migrations')
      .all()
      .map((r) => (r as { version: number }).version),
  );
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sqlite);
      db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}

/**
 * Per-key locks of this process. One SQLite file has one writer process (the embedded mode is a
 * single replica), so an in-process lock serialises every writer of a repository.
 */
const locks = new Map<string, Promise<unknown>>();

async function withProcessLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = locks.get(key) ?? Promise.resolve();
  const next = prev.catch(() => undefined).then(fn);
  locks.set(key, next);
  try {
    return await next;
  } finally {
    if (locks.get(key) === next) locks.delete(key);
  }
}

const FINAL_JSON = JSON.stringify(FINAL_STATUSES);

/** Opens (and migrates) the SQLite database file. */
export function openSqlite(file: string): Repository {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const q = {
    insert: db.prepare(
      `INSERT INTO deployments (id, name, status, status_message, manifest, request_hash,
         idempotency_key, component_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
    ),
    byId: db.prepare(`SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE id = ?`),
    byKey: db.prepare(`SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE idempotency_key = ?`),
    page: db.prepare(
      `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE ord < ? ORDER BY ord DESC LIMIT ?`,
    ),
    insertSecret: db.prepare(
      'INSERT INTO secrets (deployment_id, name, ciphertext, iv, tag) VALUES (?, ?, ?, ?, ?)',
    ),
    bumpSeq: db.prepare(
      `UPDATE deployments SET last_seq = last_seq + ?, updated_at = ?,
         status = COALESCE(?, status), status_message = COALESCE(?, status_message),
         commit_sha = COALESCE(?, commit_sha)
       WHERE id = ? AND (? IS NULL OR lease_owner = ?)
         AND status NOT IN (SELECT value FROM json_each(?))
       RETURNING last_seq`,
    ),
    guardState: db.prepare('SELECT status, lease_owner FROM deployments WHERE id = ?'),
    claim: db.prepare(
      `UPDATE deployments SET lease_owner = ?, lease_until = ?
       WHERE id = ? AND status NOT IN (SELECT value FROM json_each(?))
         AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)`,
    ),
    renew: db.prepare('UPDATE deployments SET lease_until = ? WHERE id = ? AND lease_owner = ?'),
    release: db.prepare(
      'UPDATE deployments SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?',
    ),
    claimable: db.prepare(
      `SELECT id FROM deployments WHERE status NOT IN (SELECT value FROM json_each(?))
         AND (lease_until IS NULL OR lease_until < ?) ORDER BY ord LIMIT ?`,
    ),
    lease: db.prepare('SELECT lease_owner, lease_until FROM deployments WHERE id = ?'),
    insertEvent: db.prepare(
      `INSERT INTO events (deployment_id, ${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    events: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE deployment_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    unfinished: db.prepare(
      `SELECT id FROM deployments WHERE status NOT IN (${FINAL_STATUSES.map(() => '?').join(', ')}) ORDER BY ord`,
    ),
    secrets: db.prepare('SELECT name, ciphertext, iv, tag FROM secrets WHERE deployment_id = ?'),
    putArtifact: db.prepare(
      `INSERT INTO artifacts (deployment_id, name, content) VALUES (?, ?, ?)
       ON CONFLICT (deployment_id, name) DO UPDATE SET content = excluded.content`,
    ),
    getArtifact: db.prepare('SELECT content FROM artifacts WHERE deployment_id = ? AND name = ?'),
  };

  const append = (id: string, events: readonly NewEvent[], u: StatusUpdate = {}): number => {
    const now = new Date().toISOString();
    const row = q.bumpSeq.get(
      events.length,
      now,
      u.status ?? null,
      u.statusMessage ?? null,
      u.commitSha ?? null,
      id,
      u.expect?.leaseOwner ?? null,
      u.expect?.leaseOwner ?? null,
      JSON.stringify(u.expect?.notIn ?? []),
    ) as { last_seq: number } | undefined;
    if (!row) {
      const state = q.guardState.get(id) as
        { status: DeploymentStatus; lease_owner: string | null } | undefined;
      if (state) throw new GuardError(id, state.status, state.lease_owner);
      throw new Error(`No deployment ${id}`);
    }
    let seq = row.last_seq - events.length;
    for (const e of events) q.insertEvent.run(id, ++seq, ...eventValues(e));
    return row.last_seq;
  };
  const appendTx = db.transaction(append);

  const create = db.transaction((d: NewDeployment): CreateResult => {
    const info = q.insert.run(
      d.id,
      d.name,
      d.status,
      d.statusMessage,
      d.manifestJson,
      d.requestHash,
      d.idempotencyKey,
      d.componentCount,
      d.now,
      d.now,
    );
    if (info.changes === 0) {
      const existing = q.byKey.get(d.idempotencyKey) as RawDeployment;
      return { created: false, row: toDeploymentRow(existing) };
    }
    for (const [name, s] of d.secrets) q.insertSecret.run(d.id, name, s.ciphertext, s.iv, s.tag);
    append(d.id, d.events);
    return { created: true, row: toDeploymentRow(q.byId.get(d.id) as RawDeployment) };
  });

  return {
    kind: 'sqlite',
    createDeployment: async (d) => create.immediate(d),
    getDeployment: async (id) => {
      const r = q.byId.get(id) as RawDeployment | undefined;
      return r && toDeploymentRow(r);
    },
    listDeployments: async (limit, beforeOrd) => {
      const raw = q.page.all(beforeOrd ?? Number.MAX_SAFE_INTEGER, limit + 1) as RawDeployment[];
      const page = raw.slice(0, limit);
      const last = page[page.length - 1];
      return {
        rows: page.map(toDeploymentRow),
        lastOrd: last ? Number(last.ord) : undefined,
        more: raw.length > limit,
      };
    },
    appendEvents: async (id, events, update) => appendTx.immediate(id, events, update),
    listEvents: async (id, afterSeq, limit) =>
      (q.events.all(id, afterSeq, limit) as RawEvent[]).map(toEvent),
    listUnfinished: async () =>
      (q.unfinished.all(...FINAL_STATUSES) as { id: string }[]).map((r) => r.id),
    claim: async (id, owner, leaseMs) => {
      const now = Date.now();
      return q.claim.run(owner, now + leaseMs, id, FINAL_JSON, now, owner).changes === 1;
    },
    renew: async (id, owner, leaseMs) => q.renew.run(Date.now() + leaseMs, id, owner).changes === 1,
    release: async (id, owner) => {
      q.release.run(id, owner);
    },
    listClaimable: async (limit) =>
      (q.claimable.all(FINAL_JSON, Date.now(), limit) as { id: string }[]).map((r) => r.id),
    getLease: async (id) => {
      const r = q.lease.get(id) as
        { lease_owner: string | null; lease_until: number | null } | undefined;
      return (
        r && {
          owner: r.lease_owner,
          until: r.lease_until === null ? null : new Date(Number(r.lease_until)).toISOString(),
        }
      );
    },
    releaseAll: async () =>
      db
        .prepare(
          'UPDATE deployments SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL',
        )
        .run().changes,
    withLock: (key, fn) => withProcessLock(`${file}\0${key}`, fn),
    getSecrets: async (id) => {
      const rows = q.secrets.all(id) as ({ name: string } & SealedSecret)[];
      return new Map(rows.map((r) => [r.name, { ciphertext: r.ciphertext, iv: r.iv, tag: r.tag }]));
    },
    putArtifact: async (id, name, content) => {
      q.putArtifact.run(id, name, content);
    },
    getArtifact: async (id, name) =>
      (q.getArtifact.get(id, name) as { content: string } | undefined)?.content,
    ping: async () => {
      db.prepare('SELECT 1').get();
    },
    close: async () => {
      db.close();
    },
  };
}
