// A deployment's artifacts: named text files, the latest write of a name kept.
import type { Queryable } from './driver';
import type { Repository } from './repository';

export function artifactQueries(q: Queryable): Pick<Repository, 'putArtifact' | 'getArtifact'> {
  return {
    putArtifact: async (id, name, content) => {
      await q.run(
        `INSERT INTO artifacts (deployment_id, name, content) VALUES ($1, $2, $3)
         ON CONFLICT (deployment_id, name) DO UPDATE SET content = excluded.content`,
        [id, name, content],
      );
    },
    getArtifact: async (id, name) =>
      (
        await q.query<{ content: string }>(
          'SELECT content FROM artifacts WHERE deployment_id = $1 AND name = $2',
          [id, name],
        )
      )[0]?.content,
  };
}
