// The events of a pipeline run: their shape, one `pending` line per component, the phases a
// resumed run finds recorded, and the scrubbed sentence of a failure.
import { getComponent, isComponentId } from '../src/shared/constants/components';
import type { PipelinePhase } from '../src/shared/schemas/api';
import type { SovereignManifest } from '../src/shared/schemas/manifest';
import type { NewEvent, Repository } from './db/repository';
import { scrub, type RemoteConfig } from './git';

export const ev = (
  e: Omit<NewEvent, 'time' | 'level'> & { level?: NewEvent['level'] },
): NewEvent => ({
  time: new Date().toISOString(),
  level: 'info',
  ...e,
});

/** Milliseconds since t0 (a performance.now()), rounded. */
export const ms = (t0: number) => Math.round(performance.now() - t0);

/** An error's message without the remote's push token. */
export const failureText = (err: unknown, remote: RemoteConfig | undefined): string =>
  scrub(err instanceof Error ? err.message : String(err), [remote?.token]);

/** One `pending` event per component, in install order. */
export function componentEvents(manifest: SovereignManifest): NewEvent[] {
  return manifest.spec.installOrder.map((cid, i) => {
    const name = isComponentId(cid) ? getComponent(cid).name : cid;
    return ev({
      phase: 'components',
      component: cid,
      state: 'pending',
      message: `${i + 1}/${manifest.spec.installOrder.length} ${name}: pending until Flux reconciles it on the cluster`,
    });
  });
}

/** The phases a deployment has already recorded events for (what a resumed run skips). */
export async function recordedPhases(
  repo: Pick<Repository, 'listEvents'>,
  id: string,
): Promise<Set<PipelinePhase>> {
  const phases = new Set<PipelinePhase>();
  for (let after = 0; ;) {
    const page = await repo.listEvents(id, after, 1000);
    for (const e of page) phases.add(e.phase);
    const last = page.at(-1);
    if (!last) return phases;
    after = last.seq;
  }
}
