// Sovereigns and their revisions: a Sovereign is a name, each of its deployments a revision.
import type { DeploymentStatus } from '../../src/shared/constants/domain';
import type { Queryable } from './driver';
import type { Repository, SovereignRow } from './repository';
import { DEPLOYMENT_COLUMNS, toDeploymentRow, type RawDeployment } from './rows';

/** Revision `revision` of Sovereign `name`. */
export async function findRevision(
  q: Queryable,
  name: string,
  revision: number,
): Promise<RawDeployment | undefined> {
  return (
    await q.query<RawDeployment>(
      `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE name = $1 AND revision = $2`,
      [name, revision],
    )
  )[0];
}

interface RawSovereign {
  name: string;
  revision: number;
  status: string;
  updated: string;
}

const toSovereignRow = (r: RawSovereign): SovereignRow => ({
  name: r.name,
  latestRevision: Number(r.revision),
  status: r.status as DeploymentStatus,
  updatedAt: r.updated,
});

export function revisionQueries(
  q: Queryable,
): Pick<Repository, 'getRevision' | 'listRevisions' | 'listSovereigns'> {
  return {
    getRevision: async (name, revision) => {
      const r = await findRevision(q, name, revision);
      return r && toDeploymentRow(r);
    },
    listRevisions: async (name) =>
      (
        await q.query<RawDeployment>(
          `SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE name = $1 ORDER BY revision`,
          [name],
        )
      ).map(toDeploymentRow),
    listSovereigns: async (limit) =>
      (
        await q.query<RawSovereign>(
          `SELECT d.name, d.revision, d.status, m.updated FROM deployments d
           JOIN (SELECT name, MAX(revision) AS latest, MAX(updated_at) AS updated
                 FROM deployments GROUP BY name) m
             ON d.name = m.name AND d.revision = m.latest
           ORDER BY m.updated DESC, d.name LIMIT $1`,
          [limit],
        )
      ).map(toSovereignRow),
  };
}
