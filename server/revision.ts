// What a revision takes from the revisions before it: its commit message names its change against
// its base (every commit of the pipeline ends with the revision trailers), and with EXECUTOR=tofu
// its OpenTofu state starts from the latest earlier revision's. Imports no service, so the
// pipeline and the services can all use it.
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  changeSummary,
  formatChangeSummary,
  type ChangeSummary,
} from '../src/shared/lib/diff/index';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import type { DeploymentRow, Repository } from './db/repository';
import { parseStoredManifest } from './stored-manifest';
import { STATE_FILE, stateDir } from './tofu/workdir';

/** The trailers every commit of the pipeline ends with. */
export const REVISION_TRAILER = 'Catalyst-Revision';
export const DEPLOYMENT_TRAILER = 'Catalyst-Deployment';

/** `Catalyst-Revision: n` and `Catalyst-Deployment: id`, the commit's last paragraph. */
const trailers = (row: Pick<DeploymentRow, 'id' | 'revision'>) =>
  `${REVISION_TRAILER}: ${row.revision}\n${DEPLOYMENT_TRAILER}: ${row.id}`;

/**
 * The commit message of a revision. Revision 1 (and a row without a base): the message of old,
 * `Sovereign <name>: deployment <id>`. Later ones: the change summary's title as the subject, a
 * blank line, the summary's sentences (formatChangeSummary without its title line), a blank line.
 * Both end with the trailers.
 */
export function commitMessage(
  row: Pick<DeploymentRow, 'id' | 'name' | 'revision'>,
  change: ChangeSummary | undefined,
): string {
  if (!change) return `Sovereign ${row.name}: deployment ${row.id}\n\n${trailers(row)}\n`;
  const [title, ...sentences] = formatChangeSummary(change).trimEnd().split('\n');
  const body = sentences.length ? `${sentences.join('\n')}\n\n` : '';
  return `${row.name} revision ${row.revision}: ${title}\n\n${body}${trailers(row)}\n`;
}

/** The change of a revision against its base (undefined for revision 1 or a missing base). */
export async function revisionChange(
  repo: Pick<Repository, 'getRevision'>,
  row: DeploymentRow,
  manifest: SovereignManifest,
): Promise<ChangeSummary | undefined> {
  if (row.revision <= 1 || row.baseRevision === null) return undefined;
  const base = await repo.getRevision(row.name, row.baseRevision);
  return base ? changeSummary(parseStoredManifest(base), manifest) : undefined;
}

/**
 * EXECUTOR=tofu keeps a state per deployment (DATA_DIR/state/<id>); a revision after the first
 * starts from the state of the latest earlier revision that has one (what OpenTofu last
 * recorded of this Sovereign's infrastructure), so its plan is the change from there, not a
 * second copy of everything. Copied once: a resumed or retried run keeps its own state.
 */
export async function seedTofuState(
  repo: Pick<Repository, 'listRevisions'>,
  dataDir: string,
  row: DeploymentRow,
): Promise<void> {
  if (row.revision <= 1) return;
  const target = path.join(stateDir(dataDir, row.id), STATE_FILE);
  if (existsSync(target)) return;
  const earlier = (await repo.listRevisions(row.name))
    .filter((r) => r.revision < row.revision)
    .reverse();
  for (const r of earlier) {
    const source = path.join(stateDir(dataDir, r.id), STATE_FILE);
    if (!existsSync(source)) continue;
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await copyFile(source, target);
    return;
  }
}
