// Schema migrations for both databases. A `migrations` table records the versions applied;
// each migration runs once, in order, inside a transaction. Append new versions; never edit old ones.

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

const table = (ordType: string, blob: string) => `
CREATE TABLE deployments (
  ord ${ordType},
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  status_message TEXT NOT NULL,
  manifest TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  idempotency_key TEXT UNIQUE,
  component_count INTEGER NOT NULL,
  commit_sha TEXT,
  last_seq INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX deployments_status ON deployments (status);
CREATE TABLE secrets (
  deployment_id TEXT NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  ciphertext ${blob} NOT NULL,
  iv ${blob} NOT NULL,
  tag ${blob} NOT NULL,
  PRIMARY KEY (deployment_id, name)
);
CREATE TABLE events (
  deployment_id TEXT NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  time TEXT NOT NULL,
  phase TEXT NOT NULL,
  level TEXT NOT NULL,
  message TEXT NOT NULL,
  component TEXT,
  state TEXT,
  duration_ms INTEGER,
  PRIMARY KEY (deployment_id, seq)
);
CREATE TABLE artifacts (
  deployment_id TEXT NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (deployment_id, name)
);
`;

/** Migration 3, the same SQL on both databases. */
const REVISIONS_SQL = `
ALTER TABLE deployments ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE deployments ADD COLUMN base_revision INTEGER;
ALTER TABLE deployments ADD COLUMN summary TEXT NOT NULL DEFAULT 'Created';
UPDATE deployments SET revision = (
  SELECT COUNT(*) FROM deployments AS d WHERE d.name = deployments.name AND d.ord <= deployments.ord
);
UPDATE deployments SET base_revision = revision - 1,
  summary = 'Submitted again with POST /deployments (before revisions)'
  WHERE revision > 1;
CREATE UNIQUE INDEX deployments_name_revision ON deployments (name, revision);
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'deployments, secrets, events, artifacts',
    sqlite: table('INTEGER PRIMARY KEY AUTOINCREMENT', 'BLOB'),
    postgres: table('BIGSERIAL PRIMARY KEY', 'BYTEA'),
  },
  {
    // Which replica runs a deployment, and until when (renewed while it runs; expired: taken over).
    // SQLite keeps epoch milliseconds; PostgreSQL a timestamptz compared with the server's now().
    version: 2,
    name: 'deployment leases',
    sqlite: `ALTER TABLE deployments ADD COLUMN lease_owner TEXT;
ALTER TABLE deployments ADD COLUMN lease_until INTEGER;`,
    postgres: `ALTER TABLE deployments ADD COLUMN lease_owner TEXT;
ALTER TABLE deployments ADD COLUMN lease_until TIMESTAMPTZ;`,
  },
  {
    // A deployment is a revision of its Sovereign (one Sovereign per name): numbered 1, 2, ... per
    // name, unique, with the revision it was edited from and a one-line summary of its change.
    // Rows from before: each name's deployments numbered in creation order (ord).
    version: 3,
    name: 'sovereign revisions',
    sqlite: REVISIONS_SQL,
    postgres: REVISIONS_SQL,
  },
];

export const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
