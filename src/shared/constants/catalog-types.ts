// Types of the component catalog: tiers, families, flux categories and the entry shape.

export const TIERS = ['mandatory', 'recommended', 'optional'] as const;
/** mandatory: always installed; recommended: on by default, removable; optional: off by default. */
export type Tier = (typeof TIERS)[number];

/** How each tier is shown: its label, its one-letter mark (graph nodes) and its badge tone. */
export const TIER_INFO: Readonly<
  Record<
    Tier,
    { readonly label: string; readonly mark: string; readonly tone: 'neutral' | 'accent' }
  >
> = {
  mandatory: { label: 'Mandatory', mark: 'M', tone: 'neutral' },
  recommended: { label: 'Recommended', mark: 'R', tone: 'accent' },
  optional: { label: 'Optional', mark: 'O', tone: 'neutral' },
};

export const FAMILY_IDS = [
  'pilot',
  'spine',
  'surge',
  'silo',
  'guardian',
  'insights',
  'fabric',
  'cortex',
  'relay',
] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];

export const FLUX_CATEGORIES = [
  'gitops',
  'network',
  'security',
  'database',
  'middleware',
  'storage',
  'observability',
  'autoscaling',
  'workplace',
  'ai',
] as const;
/** The folder under clusters/<sovereign>/ a component's Flux objects live in. */
export type FluxCategory = (typeof FLUX_CATEGORIES)[number];

/**
 * Where a component runs in a multi-region Sovereign (see docs/gitops.md):
 * every-cluster: on every region's cluster; mgt: on clusters of regions that carry mgt;
 * application: on clusters of regions that carry rtz, and beside whatever needs it;
 * bootstrap: run by the bootstrap API only (phase 0), never installed on a cluster.
 */
export const PLACEMENTS = ['every-cluster', 'mgt', 'application', 'bootstrap'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** Where an upstream Helm chart lives; `oci://` repositories are OCI registries. */
export interface ChartRef {
  readonly repository: string;
  readonly name: string;
  readonly version: string;
}

/** Resource requests of a default install, summed over its pods. */
export interface ResourceRequests {
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly storageGiB: number;
  /** 'chart-defaults' when read off the upstream chart's values; 'estimate' otherwise. */
  readonly source: 'chart-defaults' | 'estimate';
  readonly note?: string;
}

export interface ComponentDef<Id extends string = string> {
  readonly id: Id;
  readonly name: string;
  readonly role: string;
  readonly family: FamilyId;
  readonly tier: Tier;
  readonly fluxCategory: FluxCategory;
  readonly namespace: string;
  readonly dependsOn: readonly Id[];
  /** The upstream Helm chart installed directly; null: installed as the Blueprint `bp-<id>`. */
  readonly chart: ChartRef | null;
  readonly placement: Placement;
  /**
   * The Catalyst Blueprint chart `bp-<id>` upstream publishes (its version in the
   * upstream repository), or null where upstream publishes none yet.
   */
  readonly blueprint: { readonly version: string } | null;
  readonly resources: ResourceRequests;
  /** Hardware it cannot run without, beyond CPU, memory and disk (vLLM: a GPU per engine). */
  readonly hardware?: { readonly gpu: true; readonly why: string };
}
