// A deployment's sealed secrets: written with the deployment, read back to run it.
import type { SealedSecret } from '../crypto';
import type { Queryable } from './driver';
import type { Repository } from './repository';
import { insertRows } from './sql';

export function insertSecrets(
  q: Queryable,
  id: string,
  secrets: ReadonlyMap<string, SealedSecret>,
): Promise<void> {
  return insertRows(
    q,
    'secrets (deployment_id, name, ciphertext, iv, tag)',
    [...secrets].map(([name, s]) => [id, name, s.ciphertext, s.iv, s.tag]),
  );
}

export function secretQueries(q: Queryable): Pick<Repository, 'getSecrets'> {
  return {
    getSecrets: async (id) => {
      const rows = await q.query<{ name: string } & SealedSecret>(
        'SELECT name, ciphertext, iv, tag FROM secrets WHERE deployment_id = $1',
        [id],
      );
      return new Map(rows.map((r) => [r.name, { ciphertext: r.ciphertext, iv: r.iv, tag: r.tag }]));
    },
  };
}
