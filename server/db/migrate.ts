// Applies the pending MIGRATIONS in one transaction, behind the driver's migration lock.
import type { Driver } from './driver';
import { MIGRATIONS, MIGRATIONS_TABLE_SQL } from './migrations';

export async function migrate(d: Driver): Promise<void> {
  await d.transaction(async (tx) => {
    if (d.migrationLock) await tx.query(d.migrationLock);
    await tx.exec(MIGRATIONS_TABLE_SQL);
    const rows = await tx.query<{ version: number }>('SELECT version FROM migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await tx.exec(m[d.kind]);
      await tx.run('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    }
  });
}
