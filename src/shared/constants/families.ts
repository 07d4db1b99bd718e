// The product families the catalog's components belong to, with the colour each one wears in
// the graph and on badges. Colours are mid-tone so white text reads on them and they stand out
// on both light and dark backgrounds.
import type { FamilyId } from './catalog-types';

export interface FamilyDef {
  readonly id: FamilyId;
  readonly name: string;
  readonly tagline: string;
  readonly description: string;
  /** Hex colour (#RRGGBB) for graph nodes, badges and generated logos. */
  readonly color: string;
}

export const FAMILIES = [
  {
    id: 'pilot',
    name: 'Pilot',
    tagline: 'GitOps and IaC',
    description:
      'Drives the platform from Git: reconciles desired state and provisions the infrastructure under it.',
    color: '#4F46E5',
  },
  {
    id: 'spine',
    name: 'Spine',
    tagline: 'Networking',
    description:
      'Moves traffic in, out and between workloads: CNI, gateways, DNS, tunnels and VPNs.',
    color: '#0284C7',
  },
  {
    id: 'surge',
    name: 'Surge',
    tagline: 'Autoscaling',
    description:
      'Sizes and scales workloads to demand, and rolls them when their configuration changes.',
    color: '#EA580C',
  },
  {
    id: 'silo',
    name: 'Silo',
    tagline: 'Storage',
    description:
      'Keeps bytes safe: tiered object storage, backups and the container image registry.',
    color: '#9333EA',
  },
  {
    id: 'guardian',
    name: 'Guardian',
    tagline: 'Security',
    description:
      'Guards identity, secrets, certificates and policy, and watches the supply chain and runtime.',
    color: '#DC2626',
  },
  {
    id: 'insights',
    name: 'Insights',
    tagline: 'Observability',
    description: 'Collects logs, metrics and traces and turns them into dashboards and alerts.',
    color: '#DB2777',
  },
  {
    id: 'fabric',
    name: 'Fabric',
    tagline: 'Data and integration',
    description: 'Databases, caches, streams and workflow engines that applications build on.',
    color: '#16A34A',
  },
  {
    id: 'cortex',
    name: 'Cortex',
    tagline: 'AI',
    description:
      'Serves models and embeddings, stores vectors and traces LLM calls on your own hardware.',
    color: '#A16207',
  },
  {
    id: 'relay',
    name: 'Relay',
    tagline: 'Communication',
    description:
      'Mail, chat, real-time media and push notifications for the people using the platform.',
    color: '#0D9488',
  },
] as const satisfies readonly FamilyDef[];

/** Families by id. */
export const FAMILIES_BY_ID: ReadonlyMap<FamilyId, FamilyDef> = new Map(
  FAMILIES.map((f) => [f.id, f]),
);

/** The family definition for an id (throws on an unknown id: callers pass typed ids). */
export function getFamily(id: FamilyId): FamilyDef {
  const family = FAMILIES_BY_ID.get(id);
  if (!family) throw new Error(`unknown family id: ${id}`);
  return family;
}
