// Issue #12: migration 3 numbers the deployments that existed before revisions, per name in
// creation order (revision 1, 2, ...; base the one before), and lists them as Sovereigns.
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { MIGRATIONS, MIGRATIONS_TABLE_SQL } from '../../server/db/migrations';
import { openSqlite } from '../../server/db/sqlite';
import { tempDir } from './harness';

it('numbers the deployments of each name in creation order when migrating old rows', async () => {
  const file = path.join(tempDir('catalyst-revmig-'), 'old.sqlite');
  const db = new Database(file);
  db.exec(MIGRATIONS_TABLE_SQL);
  for (const m of MIGRATIONS.filter((x) => x.version <= 2)) {
    db.exec(m.sqlite);
    db.prepare('INSERT INTO migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
  }
  const insert = db.prepare(
    `INSERT INTO deployments (id, name, status, status_message, manifest, request_hash,
       component_count, created_at, updated_at) VALUES (?, ?, 'ready-to-apply', '', '{}', 'h', 0, ?, ?)`,
  );
  const rows: [string, string][] = [
    ['a1', 'alpha'],
    ['b1', 'beta'],
    ['a2', 'alpha'],
    ['a3', 'alpha'],
  ];
  rows.forEach(([id, name], i) => insert.run(id, name, `2026-01-0${i + 1}`, `2026-01-0${i + 1}`));
  db.close();
  const repo = await openSqlite(file);
  try {
    const alpha = await repo.listRevisions('alpha');
    expect(alpha.map((r) => [r.id, r.revision, r.baseRevision])).toEqual([
      ['a1', 1, null],
      ['a2', 2, 1],
      ['a3', 3, 2],
    ]);
    expect(alpha[0]?.summary).toBe('Created');
    expect((await repo.listRevisions('beta')).map((r) => r.revision)).toEqual([1]);
    expect(await repo.listSovereigns(10)).toEqual([
      { name: 'alpha', latestRevision: 3, status: 'ready-to-apply', updatedAt: '2026-01-04' },
      { name: 'beta', latestRevision: 1, status: 'ready-to-apply', updatedAt: '2026-01-02' },
    ]);
  } finally {
    await repo.close();
  }
});
