// Which changes destroy data, each with the reason in words: removing a component that keeps
// persistent volumes (or moving it off a cluster), shrinking or removing a region, moving a
// region's cluster, moving the cold tier, shrinking SeaweedFS, recreating every cluster.
import type { ComponentChanges } from './component-changes';
import type { FieldChange } from './field-changes';
import type { RegionChange } from './region-changes';

export const DESTRUCTIVE_KINDS = [
  'stateful-component-removed',
  'region-removed',
  'region-shrunk',
  'region-recreated',
  'cold-tier-moved',
  'storage-shrunk',
  'sovereign-recreated',
] as const;
export type DestructiveKind = (typeof DESTRUCTIVE_KINDS)[number];

export interface DestructiveChange {
  readonly kind: DestructiveKind;
  /** The component id, region name or manifest path it is about. */
  readonly subject: string;
  readonly message: string;
}

const list = (xs: readonly string[]) => xs.join(', ');

function componentFlags(c: ComponentChanges): DestructiveChange[] {
  const out: DestructiveChange[] = [];
  for (const r of c.removed) {
    if (!r.stateful) continue;
    const where = r.clusters.length ? ` on ${list(r.clusters)}` : '';
    out.push({
      kind: 'stateful-component-removed',
      subject: r.id,
      message: `Removing ${r.name} deletes its persistent volumes (${r.storageGiB} GiB)${where}.`,
    });
  }
  for (const u of c.updated) {
    if (!u.stateful || u.clustersRemoved.length === 0) continue;
    out.push({
      kind: 'stateful-component-removed',
      subject: u.id,
      message: `${u.name} leaves ${list(u.clustersRemoved)}: its volumes there are deleted.`,
    });
  }
  return out;
}

function regionFlags(regions: readonly RegionChange[]): DestructiveChange[] {
  const out: DestructiveChange[] = [];
  for (const r of regions) {
    if (r.change === 'removed') {
      out.push({
        kind: 'region-removed',
        subject: r.region,
        message: `Removing ${r.label} destroys cluster ${r.clusterBefore} and every volume on it.`,
      });
      continue;
    }
    const moved = r.fields.find((f) => f.path.endsWith('.cloudRegion'));
    if (r.change === 'changed' && moved)
      out.push({
        kind: 'region-recreated',
        subject: r.region,
        message: `${r.region} moves from ${moved.beforeText} to ${moved.afterText}: cluster ${r.clusterBefore} is destroyed with its volumes and ${r.clusterAfter} built anew.`,
      });
    if (r.shrinks.length)
      out.push({
        kind: 'region-shrunk',
        subject: r.region,
        message: `${r.label} shrinks (${list(r.shrinks)}): the nodes that go are drained and deleted with their local data.`,
      });
  }
  return out;
}

const COLD = /^spec\.storage\.tiers\[2\]\.(backend|bucket|region|accountId)$/;
const SEAWEED = /^spec\.storage\.seaweedfs\.(volumeReplicas|volumeSizeGi)$/;

function settingFlags(settings: readonly FieldChange[]): DestructiveChange[] {
  const out: DestructiveChange[] = [];
  const cold = settings.filter((s) => COLD.test(s.path));
  if (cold.length)
    out.push({
      kind: 'cold-tier-moved',
      subject: 'spec.storage.tiers[2]',
      message: `The cold tier moves (${list(cold.map((s) => `${s.label} ${s.beforeText} → ${s.afterText}`))}): what is archived so far stays in the old place and is not copied.`,
    });
  for (const s of settings) {
    if (
      SEAWEED.test(s.path) &&
      typeof s.before === 'number' &&
      typeof s.after === 'number' &&
      s.after < s.before
    )
      out.push({
        kind: 'storage-shrunk',
        subject: s.path,
        message: `${s.label} ${s.beforeText} → ${s.afterText}: SeaweedFS volumes that go take their data with them.`,
      });
    if (s.path === 'metadata.name' || s.path === 'spec.infrastructure.provider')
      out.push({
        kind: 'sovereign-recreated',
        subject: s.path,
        message: `${s.label} ${s.beforeText} → ${s.afterText}: every cluster is recreated under a new name or cloud, and every volume destroyed.`,
      });
  }
  return out;
}

/** Every destructive change, components first, then regions, then settings. */
export function destructiveChanges(
  components: ComponentChanges,
  regions: readonly RegionChange[],
  settings: readonly FieldChange[],
): DestructiveChange[] {
  return [...componentFlags(components), ...regionFlags(regions), ...settingFlags(settings)];
}
