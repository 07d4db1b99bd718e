// The node part of a change summary: per region (matched by its manifest name, region-<n>) what
// is added, removed or changed: cloud region, building blocks, and every field of every node
// pool (control plane, workers: size, count, and whatever a pool carries), nodes before/after.
import { findSize, type ProviderId } from '../../constants/domain';
import type { ManifestRegion, SovereignManifest } from '../../schemas/manifest';
import { clusterNames } from '../placement';
import { fieldChanges, walkChanges, type FieldChange } from './field-changes';

export interface RegionChange {
  /** The manifest name, `region-2`. */
  readonly region: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** `region-2 (nbg1)`, naming the cloud region after the change (before it, when removed). */
  readonly label: string;
  readonly clusterBefore: string | null;
  readonly clusterAfter: string | null;
  /** Control-plane plus worker nodes. */
  readonly nodesBefore: number;
  readonly nodesAfter: number;
  /** The region's changed fields (paths of the next manifest; of the base when removed). */
  readonly fields: readonly FieldChange[];
  /** What shrinks: fewer or smaller nodes, with a sentence each (empty when nothing shrinks). */
  readonly shrinks: readonly string[];
}

const regionsOf = (m: SovereignManifest) => m.spec.infrastructure.regions;
const nodes = (r: ManifestRegion | undefined) => (r ? r.controlPlane.count + r.workers.count : 0);

/** The pools of a region: its object-valued fields with a `size` or `count` (controlPlane, workers, ...). */
function pools(r: ManifestRegion): [string, Record<string, unknown>][] {
  return Object.entries(r as Record<string, unknown>).filter(
    (e): e is [string, Record<string, unknown>] =>
      typeof e[1] === 'object' &&
      e[1] !== null &&
      !Array.isArray(e[1]) &&
      ('size' in e[1] || 'count' in e[1]),
  );
}

/** True when size `b` has less CPU, memory or disk than size `a` (unknown sizes: not known to shrink). */
function smaller(provider: ProviderId, a: unknown, b: unknown): boolean {
  const x = typeof a === 'string' ? findSize(provider, a) : undefined;
  const y = typeof b === 'string' ? findSize(provider, b) : undefined;
  return !!x && !!y && (y.vcpu < x.vcpu || y.ramGiB < x.ramGiB || y.diskGB < x.diskGB);
}

const POOL_NAMES: Readonly<Record<string, string>> = {
  controlPlane: 'control plane',
  workers: 'workers',
};

/** Sentences for each pool that gets fewer nodes, smaller nodes or less of any numeric amount. */
function shrinksOf(a: ManifestRegion, b: ManifestRegion, provider: ProviderId): string[] {
  const out: string[] = [];
  const after = new Map(pools(b));
  for (const [key, pa] of pools(a)) {
    const pb = after.get(key);
    const name = POOL_NAMES[key] ?? key;
    if (!pb) {
      out.push(`${name} pool removed`);
      continue;
    }
    if (smaller(provider, pa.size, pb.size))
      out.push(`${name} ${String(pa.size)} → ${String(pb.size)} (smaller nodes)`);
    for (const [field, va] of Object.entries(pa)) {
      const vb = pb[field];
      if (typeof va === 'number' && typeof vb === 'number' && vb < va)
        out.push(
          field === 'count' ? `${name} ${va} → ${vb} nodes` : `${name} ${field} ${va} → ${vb}`,
        );
      else if (typeof va === 'number' && vb === undefined)
        out.push(`${name} ${field} ${va} → none`);
    }
  }
  return out;
}

/** Region changes from `base` to `next`, in region order (removed regions after the rest). */
export function regionChanges(base: SovereignManifest, next: SovereignManifest): RegionChange[] {
  const infraA = base.spec.infrastructure;
  const infraB = next.spec.infrastructure;
  const clustersA = clusterNames(base.metadata.name, infraA.provider, infraA.regions);
  const clustersB = clusterNames(next.metadata.name, infraB.provider, infraB.regions);
  const byName = new Map(regionsOf(base).map((r, i) => [r.name, i]));
  const seen = new Set<string>();
  const out: RegionChange[] = [];
  regionsOf(next).forEach((rb, i) => {
    seen.add(rb.name);
    const j = byName.get(rb.name);
    const ra = j === undefined ? undefined : regionsOf(base)[j];
    const path = `spec.infrastructure.regions[${i}]`;
    const fields = ra
      ? fieldChanges(walkChanges(ra, rb, path), { before: infraA.provider, after: infraB.provider })
      : [];
    if (ra && fields.length === 0 && clustersA[j!] === clustersB[i]) return;
    out.push({
      region: rb.name,
      change: ra ? 'changed' : 'added',
      label: `${rb.name} (${rb.cloudRegion})`,
      clusterBefore: j === undefined ? null : (clustersA[j] ?? null),
      clusterAfter: clustersB[i] ?? null,
      nodesBefore: nodes(ra),
      nodesAfter: nodes(rb),
      fields,
      // Across providers sizes are not comparable: the whole Sovereign is recreated anyway.
      shrinks: ra && infraA.provider === infraB.provider ? shrinksOf(ra, rb, infraB.provider) : [],
    });
  });
  regionsOf(base).forEach((ra, j) => {
    if (seen.has(ra.name)) return;
    out.push({
      region: ra.name,
      change: 'removed',
      label: `${ra.name} (${ra.cloudRegion})`,
      clusterBefore: clustersA[j] ?? null,
      clusterAfter: null,
      nodesBefore: nodes(ra),
      nodesAfter: 0,
      fields: [],
      shrinks: [`all ${nodes(ra)} nodes removed`],
    });
  });
  return out;
}
