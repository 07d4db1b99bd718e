// Does the chosen platform fit the chosen nodes? Requests versus allocatable capacity per
// region's cluster, and the monthly bill. Node sizes and prices come from the caller.
import type { CatalogIndex, CatalogNode } from './catalog-graph';

/** Summed resource requests (CPU in millicores, memory in MiB, storage in GiB). */
export interface ResourceTotals {
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly storageGiB: number;
}

/** A pool of identical nodes: size per node and how many. Disk is in decimal GB, as sold. */
export interface NodePool {
  readonly vcpu: number;
  readonly ramGiB: number;
  readonly diskGB: number;
  readonly count: number;
}

/** A region's nodes; control-plane nodes are schedulable and count towards capacity. */
export interface RegionSpec {
  readonly name: string;
  readonly controlPlane: NodePool;
  readonly workers: NodePool;
}

/**
 * Share of each node kept back for the kubelet, container runtime and OS (kube-reserved +
 * system-reserved + eviction threshold); the rest is allocatable to the platform.
 */
export const SYSTEM_RESERVE = { cpu: 0.1, memory: 0.1, disk: 0.1 } as const;

/** Usage above this share of allocatable capacity is a warning. */
export const WARN_RATIO = 0.8;

export type CapacityLevel = 'ok' | 'warn' | 'error';
type Resource = 'cpu' | 'memory' | 'disk';

/** Requests against allocatable capacity for one region. */
export interface RegionCapacity {
  readonly name: string;
  readonly allocatable: ResourceTotals;
  readonly requests: ResourceTotals;
  /** requested / allocatable per resource; Infinity when something is requested of nothing. */
  readonly usage: Readonly<Record<Resource, number>>;
  readonly level: CapacityLevel;
  /** One sentence with the numbers for each resource above the warning ratio. */
  readonly messages: readonly string[];
  /** The same without the region: "CPU 30.62 vCPU requested of 5.40 vCPU allocatable (567%)". */
  readonly findings: readonly string[];
}

export interface CapacityReport {
  readonly regions: readonly RegionCapacity[];
  /** The worst level over all regions ('ok' for no regions). */
  readonly level: CapacityLevel;
  readonly messages: readonly string[];
}

const ZERO: ResourceTotals = { cpuMillicores: 0, memoryMiB: 0, storageGiB: 0 };
const GIB_PER_GB = 1e9 / 2 ** 30;
const SEVERITY: Record<CapacityLevel, number> = { ok: 0, warn: 1, error: 2 };

function addTotals(a: ResourceTotals, b: ResourceTotals): ResourceTotals {
  return {
    cpuMillicores: a.cpuMillicores + b.cpuMillicores,
    memoryMiB: a.memoryMiB + b.memoryMiB,
    storageGiB: a.storageGiB + b.storageGiB,
  };
}

/** The sum of several totals (ZERO for none). */
export function addAllTotals(totals: readonly ResourceTotals[]): ResourceTotals {
  return totals.reduce(addTotals, ZERO);
}

/** Allocatable capacity of a pool: per node, size minus SYSTEM_RESERVE rounded down, times count. */
export function poolAllocatable(pool: NodePool): ResourceTotals {
  const keep = (raw: number, reserve: number) => Math.floor(raw - raw * reserve) * pool.count;
  return {
    cpuMillicores: keep(pool.vcpu * 1000, SYSTEM_RESERVE.cpu),
    memoryMiB: keep(pool.ramGiB * 1024, SYSTEM_RESERVE.memory),
    storageGiB: keep(pool.diskGB * GIB_PER_GB, SYSTEM_RESERVE.disk),
  };
}

/** Sums the resource requests of the installed ids, from an index or a component list. */
export function sumRequests<Id extends string>(
  source:
    | CatalogIndex<Id, CatalogNode<Id> & { readonly resources: ResourceTotals }>
    | readonly { readonly id: Id; readonly resources: ResourceTotals }[],
  installed: Iterable<Id>,
): ResourceTotals {
  const byId = 'byId' in source ? source.byId : new Map(source.map((c) => [c.id, c]));
  let total = ZERO;
  for (const id of new Set(installed)) {
    const r = byId.get(id)?.resources;
    if (r) total = addTotals(total, r);
  }
  return total;
}

function ratio(requested: number, allocatable: number): number {
  if (allocatable > 0) return requested / allocatable;
  return requested > 0 ? Infinity : 0;
}

/** The level of a usage ratio: warn above WARN_RATIO, error above 1. */
export function usageLevel(usage: number): CapacityLevel {
  if (usage > 1) return 'error';
  return usage > WARN_RATIO ? 'warn' : 'ok';
}

const fmt = (n: number, digits: number) => n.toFixed(digits);

/** A usage ratio as text ("93%", "no capacity"), never contradicting its level. */
export function formatUsagePercent(usage: number): string {
  return Number.isFinite(usage) ? `${percent(usage, usageLevel(usage))}%` : 'no capacity';
}

/** Whole percent, nudged so it never contradicts the level (100.2% shows as 101%, not 100%). */
function percent(usage: number, level: CapacityLevel): number {
  const floor = level === 'error' ? 101 : level === 'warn' ? Math.floor(WARN_RATIO * 100) + 1 : 0;
  return Math.max(Math.round(usage * 100), floor);
}

function describe(resource: Resource, requested: number, allocatable: number): string {
  if (resource === 'cpu')
    return `CPU ${fmt(requested / 1000, 2)} vCPU requested of ${fmt(allocatable / 1000, 2)} vCPU`;
  if (resource === 'memory')
    return `memory ${fmt(requested / 1024, 1)} GiB requested of ${fmt(allocatable / 1024, 1)} GiB`;
  return `disk ${fmt(requested, 1)} GiB requested of ${fmt(allocatable, 1)} GiB`;
}

function regionCapacity(
  region: RegionSpec,
  position: number,
  requests: ResourceTotals,
): RegionCapacity {
  const allocatable = addTotals(
    poolAllocatable(region.controlPlane),
    poolAllocatable(region.workers),
  );
  const pairs: Record<Resource, [number, number]> = {
    cpu: [requests.cpuMillicores, allocatable.cpuMillicores],
    memory: [requests.memoryMiB, allocatable.memoryMiB],
    disk: [requests.storageGiB, allocatable.storageGiB],
  };
  const usage = { cpu: 0, memory: 0, disk: 0 };
  const findings: string[] = [];
  let level: CapacityLevel = 'ok';
  for (const resource of ['cpu', 'memory', 'disk'] as const) {
    const [req, alloc] = pairs[resource];
    usage[resource] = ratio(req, alloc);
    const l = usageLevel(usage[resource]);
    if (l === 'ok') continue;
    if (SEVERITY[l] > SEVERITY[level]) level = l;
    const pct = Number.isFinite(usage[resource])
      ? `${percent(usage[resource], l)}%`
      : 'no capacity';
    findings.push(`${describe(resource, req, alloc)} allocatable (${pct})`);
  }
  const where = `Region ${position} (${region.name})`;
  const messages = findings.map((f) => `${where}: ${f}`);
  return { name: region.name, allocatable, requests, usage, level, messages, findings };
}

/**
 * Checks requests against each region's nodes. One total is what every region carries; a list
 * gives each region its own (requests[i] for regions[i], nothing where the list is short): what
 * really runs on that region's cluster.
 */
export function computeCapacity(
  requests: ResourceTotals | readonly ResourceTotals[],
  regions: readonly RegionSpec[],
): CapacityReport {
  const of = (i: number) => ('cpuMillicores' in requests ? requests : (requests[i] ?? ZERO));
  const reports = regions.map((region, i) => regionCapacity(region, i + 1, of(i)));
  const level = reports.reduce<CapacityLevel>(
    (worst, r) => (SEVERITY[r.level] > SEVERITY[worst] ? r.level : worst),
    'ok',
  );
  return { regions: reports, level, messages: reports.flatMap((r) => r.messages) };
}
