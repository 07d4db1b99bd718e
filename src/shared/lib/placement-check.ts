// The placement verdict on a manifest: a chosen component that no region can carry (its building
// block is on no region). Beside capacityProblems wherever a manifest is judged: the API's
// admission, the CLI and Review.
import { getComponent } from '../constants/components';
import type { ManifestProblem, SovereignManifest } from '../schemas/manifest';
import { planManifest, type SovereignPlan, type UnplacedComponent } from './placement';

/** The field that decides where components go: the first region's building blocks. */
export const PLACEMENT_PROBLEM_PATH = 'spec.infrastructure.regions[0].buildingBlocks';

/** "LibreChat needs a region with the rtz building block; no region carries rtz". */
export function unplacedMessage(u: UnplacedComponent): string {
  return `${getComponent(u.id).name} needs a region with the ${u.needs} building block; no region carries ${u.needs}`;
}

/** One problem per component of the plan that no region's building blocks can carry. */
export function unplacedProblems(plan: Pick<SovereignPlan, 'unplaced'>): ManifestProblem[] {
  return plan.unplaced.map((u) => ({ path: PLACEMENT_PROBLEM_PATH, message: unplacedMessage(u) }));
}

/** The placement problems of a manifest. */
export function placementProblems(manifest: SovereignManifest): ManifestProblem[] {
  return unplacedProblems(planManifest(manifest));
}
