// The releases the values tests share: every HelmRelease, with its values, on every cluster of
// several Sovereigns (default and full-catalog, several topologies), and a walker over the strings
// in a value tree.
import { COMPONENTS, type ComponentId } from '../../../../src/shared/constants/components';
import type { TopologyId } from '../../../../src/shared/constants/domain';
import { regionsForTopology } from '../../../../src/shared/lib/draft-defaults';
import {
  releaseContext,
  type ReleaseContext,
  type Values,
} from '../../../../src/shared/lib/flux/release-context';
import { componentValues } from '../../../../src/shared/lib/flux/values';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import { planManifest, type ClusterPlan } from '../../../../src/shared/lib/placement';
import type { SovereignManifest } from '../../../../src/shared/schemas/manifest';
import { validDraft } from '../manifest-fixtures';

const OPTIONAL: ComponentId[] = COMPONENTS.filter((c) => c.tier !== 'mandatory').map((c) => c.id);

function sovereign(topology: TopologyId, full: boolean): SovereignManifest {
  const d = validDraft();
  d.infrastructure.topology = topology;
  d.infrastructure.regions = regionsForTopology(
    topology,
    d.infrastructure.provider,
    d.infrastructure.regions,
  );
  if (full) d.components.chosen = [...OPTIONAL];
  return buildManifest(d);
}

const SOVEREIGNS: readonly [string, SovereignManifest][] = [
  ['default zoned', buildManifest(validDraft())],
  ['default triangle', sovereign('triangle', false)],
  ['full-catalog triangle', sovereign('triangle', true)],
  ['full-catalog citadel', sovereign('citadel', true)],
];

export interface Release {
  readonly sovereign: string;
  readonly cluster: ClusterPlan;
  readonly ctx: ReleaseContext;
  readonly id: ComponentId;
  readonly values: Values;
}

function releases(): Release[] {
  const out: Release[] = [];
  for (const [name, m] of SOVEREIGNS) {
    const plan = planManifest(m);
    for (const cluster of plan.clusters) {
      const ctx = releaseContext(m, plan, cluster);
      for (const id of cluster.components) {
        out.push({ sovereign: name, cluster, ctx, id, values: componentValues(id, ctx).values });
      }
    }
  }
  return out;
}

export const ALL = releases();
export const where = (r: Release) => `${r.sovereign} / ${r.cluster.name} / ${r.id}`;

/** Every string in a value tree, with its path. */
export function* strings(v: unknown, path = ''): Generator<[string, string]> {
  if (typeof v === 'string') yield [path, v];
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* strings(x, `${path}[${i}]`);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) yield* strings(x, path ? `${path}.${k}` : k);
}
