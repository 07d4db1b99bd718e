// Which cluster runs what: one Kubernetes cluster per region, and each installed component
// placed on the clusters its placement and the regions' building blocks give. Pure, shared by
// the renderer, capacity, validation and the UI. The rule is documented in docs/gitops.md.
import type { Placement } from '../constants/catalog-types';
import { getComponent, isComponentId, type ComponentId } from '../constants/components';
import type { BuildingBlock, ProviderId } from '../constants/domain';

/** Short provider codes of the upstream naming convention (docs/NAMING-CONVENTION.md §2.1). */
export const PROVIDER_CODES: Readonly<Record<ProviderId, string>> = {
  hetzner: 'hz',
  aws: 'aws',
  azure: 'az',
  oci: 'oci',
  huawei: 'hw',
};

/** What placement needs of a region: its name, cloud region and building blocks. */
export interface PlacementRegion {
  readonly name: string;
  readonly cloudRegion: string;
  readonly buildingBlocks: readonly BuildingBlock[];
}

/** What placement needs of a Sovereign. */
export interface PlacementInput {
  readonly sovereign: string;
  readonly provider: ProviderId;
  readonly regions: readonly PlacementRegion[];
  /** Every installed component, with whether it is a root (mandatory or chosen). */
  readonly components: readonly { readonly id: string; readonly reason: string }[];
}

/** One region's cluster and what it installs. */
export interface ClusterPlan {
  /** `<sovereign>-<provider code>-<cloud region>`, also the folder under clusters/. */
  readonly name: string;
  /** Index of the region in the manifest (regions[index]). */
  readonly index: number;
  readonly region: string;
  readonly cloudRegion: string;
  readonly buildingBlocks: readonly BuildingBlock[];
  /** The components this cluster installs, in catalog order by id. */
  readonly components: readonly ComponentId[];
}

/** A component no region can carry: the building block it needs is on no region. */
export interface UnplacedComponent {
  readonly id: ComponentId;
  readonly needs: BuildingBlock;
}

export interface SovereignPlan {
  readonly clusters: readonly ClusterPlan[];
  readonly unplaced: readonly UnplacedComponent[];
}

const label = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * Cluster names: `<sovereign>-<provider code>-<cloud region>` (hz for Hetzner: `acme-hz-fsn1`).
 * Two regions in one cloud region get their region number appended (`acme-hz-fsn1-2`).
 */
export function clusterNames(
  sovereign: string,
  provider: ProviderId,
  regions: readonly Pick<PlacementRegion, 'cloudRegion'>[],
): string[] {
  const base = regions.map(
    (r) => `${sovereign}-${PROVIDER_CODES[provider]}-${label(r.cloudRegion) || 'region'}`,
  );
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  return base.map((b, i) => ((count.get(b) ?? 0) > 1 ? `${b}-${i + 1}` : b));
}

/** The building block a placement needs on a region for a root component to go there. */
const NEEDS: Readonly<Record<Placement, BuildingBlock | null>> = {
  'every-cluster': null,
  mgt: 'mgt',
  application: 'rtz',
  bootstrap: null,
};

/** True when a component of this placement goes on a region with these blocks by itself. */
function goesOn(placement: Placement, root: boolean, blocks: readonly BuildingBlock[]): boolean {
  if (placement === 'bootstrap') return false;
  if (placement === 'application' && !root) return false;
  const need = NEEDS[placement];
  return need === null || blocks.includes(need);
}

/**
 * Places every installed component. every-cluster: everywhere; mgt: regions with mgt;
 * application: regions with rtz when mandatory or chosen (a root). Then, per cluster, application
 * dependencies follow what needs them (CloudNative PG beside Keycloak on mgt), while mgt
 * dependencies stay one per Sovereign and are reached across regions.
 */
export function planSovereign(input: PlacementInput): SovereignPlan {
  const installed = new Map<ComponentId, boolean>();
  for (const c of input.components)
    if (isComponentId(c.id)) installed.set(c.id, c.reason === 'mandatory' || c.reason === 'chosen');
  const names = clusterNames(input.sovereign, input.provider, input.regions);
  const clusters = input.regions.map((region, index): ClusterPlan => {
    const on = new Set<ComponentId>();
    const stack: ComponentId[] = [];
    for (const [id, root] of installed) {
      if (goesOn(getComponent(id).placement, root, region.buildingBlocks)) {
        on.add(id);
        stack.push(id);
      }
    }
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      for (const dep of getComponent(id).dependsOn) {
        if (!installed.has(dep) || on.has(dep)) continue;
        if (getComponent(dep).placement !== 'application') continue;
        on.add(dep);
        stack.push(dep);
      }
    }
    return {
      name: names[index] ?? `${input.sovereign}-${index + 1}`,
      index,
      region: region.name,
      cloudRegion: region.cloudRegion,
      buildingBlocks: [...region.buildingBlocks],
      components: [...on].sort(),
    };
  });
  const placed = new Set(clusters.flatMap((c) => c.components));
  const unplaced: UnplacedComponent[] = [];
  for (const id of installed.keys()) {
    const { placement } = getComponent(id);
    const need = NEEDS[placement];
    if (placement !== 'bootstrap' && !placed.has(id) && need) unplaced.push({ id, needs: need });
  }
  return { clusters, unplaced };
}

/** The clusters each placed component runs on, in the plan's cluster order. */
export function clustersByComponent(plan: SovereignPlan): Map<ComponentId, string[]> {
  const clusters = new Map<ComponentId, string[]>();
  for (const c of plan.clusters)
    for (const id of c.components) {
      const names = clusters.get(id);
      if (names) names.push(c.name);
      else clusters.set(id, [c.name]);
    }
  return clusters;
}

type PlanInput = {
  metadata: { name: string };
  spec: {
    infrastructure: { provider: ProviderId; regions: readonly PlacementRegion[] };
    components: readonly { id: string; reason: string }[];
  };
};

/** Plans already made, per manifest spec: admission, the chart checks and the render ask alike. */
const planned = new WeakMap<object, { input: PlanInput; plan: SovereignPlan }>();

/** Freezes a plan all the way down, so a caller that changed a shared plan would throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Whether a remembered plan was made from the same name, provider, regions and components. */
const samePlanInput = (a: PlanInput, b: PlanInput) =>
  a.metadata.name === b.metadata.name &&
  a.spec.infrastructure.provider === b.spec.infrastructure.provider &&
  a.spec.infrastructure.regions === b.spec.infrastructure.regions &&
  a.spec.components === b.spec.components;

/**
 * The plan of a manifest-shaped Sovereign. Manifests are never changed in place, so the plan of
 * one spec is made once and handed out again (a pure function of name, provider, regions and
 * components, checked by identity); the plan is frozen.
 */
export function planManifest(m: PlanInput): SovereignPlan {
  const hit = planned.get(m.spec);
  if (hit && samePlanInput(hit.input, m)) return hit.plan;
  const plan = deepFreeze(
    planSovereign({
      sovereign: m.metadata.name || 'sovereign',
      provider: m.spec.infrastructure.provider,
      regions: m.spec.infrastructure.regions,
      components: m.spec.components,
    }),
  );
  planned.set(m.spec, {
    input: {
      metadata: { name: m.metadata.name },
      spec: { infrastructure: { ...m.spec.infrastructure }, components: m.spec.components },
    },
    plan,
  });
  return plan;
}
