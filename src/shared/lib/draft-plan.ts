// The placement plan of a wizard draft: the same plan the manifest gives (planManifest), built
// from the draft's regions and the manifest builder's components with their reasons.
import type { Draft } from '../schemas/draft';
import { manifestComponents, regionName } from './manifest/build';
import { planSovereign, type SovereignPlan } from './placement';

/** Which cluster runs what for this draft, and what no region can carry. */
export function planDraft(draft: Pick<Draft, 'infrastructure' | 'components'>): SovereignPlan {
  const infra = draft.infrastructure;
  return planSovereign({
    sovereign: infra.sovereignName || 'sovereign',
    provider: infra.provider,
    regions: infra.regions.map((r, i) => ({
      name: regionName(i),
      cloudRegion: r.cloudRegion,
      buildingBlocks: r.buildingBlocks,
    })),
    components: manifestComponents(draft.components.chosen).components,
  });
}
