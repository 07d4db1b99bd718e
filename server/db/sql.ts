// SQL fragments and statements shared by the Repository's modules.
import { FINAL_STATUSES } from '../../src/shared/schemas/api';
import type { Param, Queryable } from './driver';

/** `$from, $from+1, ...`: n placeholders. */
const placeholders = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

/** `status NOT IN ($from, ...)` for n statuses (n > 0). */
export const statusNotIn = (n: number, from: number) => `status NOT IN (${placeholders(from, n)})`;

export const FINAL: readonly string[] = FINAL_STATUSES;

/** Rows per multi-row INSERT (9 parameters an event: far below both databases' limits). */
const INSERT_BATCH = 500;

/** One multi-row INSERT per batch (not a round trip per event: a deployment has one per component). */
export async function insertRows(
  q: Queryable,
  into: string,
  rows: readonly (readonly Param[])[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const params: Param[] = [];
    const tuples = batch.map((values) => {
      const first = params.length + 1;
      params.push(...values);
      return `(${placeholders(first, values.length)})`;
    });
    await q.run(`INSERT INTO ${into} VALUES ${tuples.join(', ')}`, params);
  }
}
