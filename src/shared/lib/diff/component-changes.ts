// The component part of a change summary: what is added and removed, with why (the resolution's
// own explanation: chosen, mandatory, locked, required by X), and what stays but changes its
// chart version, its reason or the clusters it runs on.
import { getComponent, isComponentId, type ComponentId } from '../../constants/components';
import type { ComponentReason, SovereignManifest } from '../../schemas/manifest';
import { CATALOG_INDEX } from '../catalog-graph';
import { explainWhy, formatWhy } from '../explain-why';
import { clustersByComponent, planManifest } from '../placement';
import { resolveSelection } from '../resolve-selection';
import { REASON_TEXT } from '../../constants/reasons';

/**
 * Whether removing a component destroys data: it keeps persistent volumes. The catalog states
 * this as `resources.storageGiB`, the persistent storage a default install requests (PVCs,
 * host-path volumes); 0 means stateless. So the fact is read there, not kept in a second list.
 */
export function isStateful(id: string): boolean {
  return isComponentId(id) && getComponent(id).resources.storageGiB > 0;
}

export interface ComponentChange {
  readonly id: string;
  readonly name: string;
  readonly change: 'added' | 'removed';
  /** Its reason in the manifest it is in: the next one when added, the base one when removed. */
  readonly reason: ComponentReason;
  /** The sentence for that reason: 'Chosen by you', 'Required by LibreChat', 'Mandatory', ... */
  readonly why: string;
  /** The installed components that need it there. */
  readonly requiredBy: readonly string[];
  /** The clusters it goes onto (added) or leaves (removed). */
  readonly clusters: readonly string[];
  readonly stateful: boolean;
  /** Persistent storage a default install requests, GiB. */
  readonly storageGiB: number;
}

export interface ComponentUpdate {
  readonly id: string;
  readonly name: string;
  readonly stateful: boolean;
  readonly version?: { readonly before: string | null; readonly after: string | null };
  readonly reason?: {
    readonly before: ComponentReason;
    readonly after: ComponentReason;
    readonly whyBefore: string;
    readonly whyAfter: string;
  };
  /** Clusters it newly runs on / no longer runs on (of clusters that exist before and after). */
  readonly clustersAdded: readonly string[];
  readonly clustersRemoved: readonly string[];
}

export interface ComponentChanges {
  readonly added: readonly ComponentChange[];
  readonly removed: readonly ComponentChange[];
  readonly updated: readonly ComponentUpdate[];
}

type Entry = SovereignManifest['spec']['components'][number];

/** The catalog name of an id, or the id itself when the catalog does not know it. */
export const componentName = (id: string): string =>
  isComponentId(id) ? getComponent(id).name : id;

/** One manifest's components: entries by id, why each is installed, clusters each runs on. */
interface Side {
  readonly entries: ReadonlyMap<string, Entry>;
  readonly why: (id: string) => string;
  readonly clusters: ReadonlyMap<string, readonly string[]>;
  readonly clusterNames: ReadonlySet<string>;
}

function sideOf(m: SovereignManifest): Side {
  const entries = new Map(m.spec.components.map((c) => [c.id, c]));
  const chosen = m.spec.components.filter((c) => c.reason === 'chosen').map((c) => c.id);
  const resolved = resolveSelection(CATALOG_INDEX, chosen);
  const why = (id: string): string => {
    const entry = entries.get(id);
    // The manifest's own record wins: a chosen component stays chosen even when a mandatory needs it.
    if (entry?.reason === 'chosen') return formatWhy({ kind: 'chosen' }, componentName);
    if (!isComponentId(id)) return entry?.reason ?? REASON_TEXT['not-installed'].sentence('');
    const reason = explainWhy(CATALOG_INDEX, resolved, id);
    if (reason.kind !== 'not-installed') return formatWhy(reason, componentName);
    const by = entry?.requiredBy ?? [];
    return REASON_TEXT[by.length ? 'dependency' : 'not-installed'].sentence(
      by.map(componentName).join(', '),
    );
  };
  const plan = planManifest(m);
  const clusters = clustersByComponent(plan);
  return { entries, why, clusters, clusterNames: new Set(plan.clusters.map((c) => c.name)) };
}

function changeOf(side: Side, entry: Entry, change: ComponentChange['change']): ComponentChange {
  const storageGiB = isComponentId(entry.id) ? getComponent(entry.id).resources.storageGiB : 0;
  return {
    id: entry.id,
    name: componentName(entry.id),
    change,
    reason: entry.reason,
    why: side.why(entry.id),
    requiredBy: [...(entry.requiredBy ?? [])],
    clusters: side.clusters.get(entry.id) ?? [],
    stateful: storageGiB > 0,
    storageGiB,
  };
}

function updateOf(base: Side, next: Side, a: Entry, b: Entry): ComponentUpdate | null {
  const before = base.clusters.get(a.id) ?? [];
  const after = next.clusters.get(a.id) ?? [];
  // Only clusters on both sides: a cluster that appears or goes is a region change of its own.
  const clustersAdded = after.filter((c) => !before.includes(c) && base.clusterNames.has(c));
  const clustersRemoved = before.filter((c) => !after.includes(c) && next.clusterNames.has(c));
  const version = a.version !== b.version ? { before: a.version, after: b.version } : undefined;
  const reason =
    a.reason !== b.reason
      ? { before: a.reason, after: b.reason, whyBefore: base.why(a.id), whyAfter: next.why(b.id) }
      : undefined;
  if (!version && !reason && !clustersAdded.length && !clustersRemoved.length) return null;
  return {
    id: a.id,
    name: componentName(a.id),
    stateful: isStateful(a.id),
    ...(version ? { version } : {}),
    ...(reason ? { reason } : {}),
    clustersAdded,
    clustersRemoved,
  };
}

/** Components added, removed and changed from `base` to `next`, each list in catalog order. */
export function componentChanges(
  base: SovereignManifest,
  next: SovereignManifest,
): ComponentChanges {
  const a = sideOf(base);
  const b = sideOf(next);
  const added: ComponentChange[] = [];
  const removed: ComponentChange[] = [];
  const updated: ComponentUpdate[] = [];
  for (const entry of next.spec.components)
    if (!a.entries.has(entry.id)) added.push(changeOf(b, entry, 'added'));
  for (const entry of base.spec.components) {
    const after = b.entries.get(entry.id);
    if (!after) removed.push(changeOf(a, entry, 'removed'));
    else {
      const u = updateOf(a, b, entry, after);
      if (u) updated.push(u);
    }
  }
  const order = (x: { id: string }, y: { id: string }) => position(x.id) - position(y.id);
  return { added: added.sort(order), removed: removed.sort(order), updated: updated.sort(order) };
}

const position = (id: string): number =>
  CATALOG_INDEX.position.get(id as ComponentId) ?? Number.MAX_SAFE_INTEGER;
