// Chooses the database: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openPostgres } from './postgres';
import type { Repository } from './repository';
import { openSqlite } from './sqlite';

export const SQLITE_FILE = 'catalyst.sqlite';

/** Opens and migrates the configured database. */
export async function openRepository(opts: {
  dataDir: string;
  databaseUrl: string | undefined;
}): Promise<Repository> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  mkdirSync(opts.dataDir, { recursive: true });
  return openSqlite(path.join(opts.dataDir, SQLITE_FILE));
}
