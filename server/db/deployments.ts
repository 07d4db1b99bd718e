// Deployments read by id, by idempotency key, page by page, and the unfinished ones.
import type { Queryable } from './driver';
import type { Repository } from './repository';
import { DEPLOYMENT_COLUMNS, toDeploymentRow, type RawDeployment } from './rows';
import { FINAL, statusNotIn } from './sql';

const BY_ID_SQL = `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE id = $1`;

/** The deployment an idempotency key created. */
export const BY_KEY_SQL = `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE idempotency_key = $1`;

/** The deployment an idempotency key created (none without a key). */
export async function findByKey(
  q: Queryable,
  key: string | null,
): Promise<RawDeployment | undefined> {
  if (key === null) return undefined;
  return (await q.query<RawDeployment>(BY_KEY_SQL, [key]))[0];
}

type Page = Awaited<ReturnType<Repository['listDeployments']>>;

/** Newest first: one row more than the page, to tell whether there are more. */
async function listPage(q: Queryable, limit: number, beforeOrd: number | undefined): Promise<Page> {
  const raw = await q.query<RawDeployment>(
    `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE ord < $1 ORDER BY ord DESC LIMIT $2`,
    [beforeOrd ?? Number.MAX_SAFE_INTEGER, limit + 1],
  );
  const page = raw.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(toDeploymentRow),
    lastOrd: last ? Number(last.ord) : undefined,
    more: raw.length > limit,
  };
}

export function deploymentQueries(
  q: Queryable,
): Pick<Repository, 'getDeployment' | 'getDeploymentByKey' | 'listDeployments' | 'listUnfinished'> {
  return {
    getDeployment: async (id) => {
      const [r] = await q.query<RawDeployment>(BY_ID_SQL, [id]);
      return r && toDeploymentRow(r);
    },
    getDeploymentByKey: async (key) => {
      const r = await findByKey(q, key);
      return r && toDeploymentRow(r);
    },
    listDeployments: (limit, beforeOrd) => listPage(q, limit, beforeOrd),
    listUnfinished: async () =>
      (
        await q.query<{ id: string }>(
          `SELECT id FROM deployments WHERE ${statusNotIn(FINAL.length, 1)} ORDER BY ord`,
          FINAL,
        )
      ).map((r) => r.id),
  };
}
