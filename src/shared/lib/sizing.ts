// The cheapest workers that carry a cluster: which worker size, how many, and how large an extra
// volume per worker, so that what the cluster's components request leaves at least SIZING_HEADROOM
// of each resource (CPU, memory, disk) free. Pure; the wizard's "Fit nodes to load" and
// `catalyst init` both use it. The control plane is kept as it is and counts towards capacity,
// as it does in capacity.ts.
import {
  VOLUME_EUR_PER_GB_MONTH,
  VOLUME_GB_RANGE,
  WORKER_COUNT_RANGE,
  findSize,
  getProvider,
  type ProviderId,
  type ServerSize,
} from '../constants/domain';
import { addAllTotals, poolAllocatable, type NodePool, type ResourceTotals } from './capacity';
import { controlPlaneCount, volumeOf, type RegionNodes } from './node-pools';

/** Share of each resource a fitted cluster leaves free: requests use at most 80 % of it. */
export const SIZING_HEADROOM = 0.2;

/** A worker pool as the draft and the manifest keep it. */
export interface WorkerPool {
  readonly size: string;
  readonly count: number;
  /** Extra volume per worker in GB; absent: the size's fixed disk only. */
  readonly volumeGb?: number;
}

/** The chosen workers, what they cost and what the cluster then uses of its capacity. */
export interface WorkerFit extends WorkerPool {
  /** Monthly EUR of the workers (nodes and volumes), control plane not included. */
  readonly workersEurPerMonth: number;
  /** Allocatable capacity of the whole cluster (control plane and workers). */
  readonly allocatable: ResourceTotals;
  /** requests / allocatable per resource, each at most 1 - headroom. */
  readonly usage: { readonly cpu: number; readonly memory: number; readonly disk: number };
}

export interface FitInput {
  readonly provider: ProviderId;
  /** What the cluster's components request. */
  readonly requests: ResourceTotals;
  /** The control-plane pool, kept as it is. */
  readonly controlPlane: NodePool;
  /** Only sizes of this architecture (the control plane's): absent means x86-64. */
  readonly arch?: ServerSize['arch'];
  readonly headroom?: number;
  /** Fewest workers considered (default 1). */
  readonly minCount?: number;
  /** Whether an extra volume per worker may be added (default true). */
  readonly volumes?: boolean;
}

type Usage = WorkerFit['usage'];
const ZERO: ResourceTotals = { cpuMillicores: 0, memoryMiB: 0, storageGiB: 0 };

const ratio = (requested: number, allocatable: number) =>
  allocatable > 0 ? requested / allocatable : requested > 0 ? Infinity : 0;

function usageOf(requests: ResourceTotals, allocatable: ResourceTotals): Usage {
  return {
    cpu: ratio(requests.cpuMillicores, allocatable.cpuMillicores),
    memory: ratio(requests.memoryMiB, allocatable.memoryMiB),
    disk: ratio(requests.storageGiB, allocatable.storageGiB),
  };
}

/**
 * The smallest extra volume per worker (GB) that makes `count` workers of `size` plus the control
 * plane hold the disk requests within `limit`: 0 when the fixed disks suffice, null when no volume
 * in VOLUME_GB_RANGE does.
 */
function volumeNeeded(
  size: ServerSize,
  count: number,
  cpDisk: number,
  requestedGiB: number,
  limit: number,
): number | null {
  const fits = (gb: number) =>
    ratio(
      requestedGiB,
      cpDisk + poolAllocatable({ ...poolOf(size, count), diskGB: size.diskGB + gb }).storageGiB,
    ) <= limit;
  if (fits(0)) return 0;
  if (count === 0 || !fits(VOLUME_GB_RANGE.max)) return null;
  let lo: number = VOLUME_GB_RANGE.min;
  let hi: number = VOLUME_GB_RANGE.max;
  if (fits(lo)) return lo;
  // fits(hi) and not fits(lo): the smallest whole GB that fits, by bisection.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const poolOf = (size: ServerSize, count: number): NodePool => ({
  vcpu: size.vcpu,
  ramGiB: size.ramGiB,
  diskGB: size.diskGB,
  count,
});

/** Orders candidates: cheaper first, then more CPU, memory and disk, then fewer nodes. */
function better(a: WorkerFit, b: WorkerFit): boolean {
  if (a.workersEurPerMonth !== b.workersEurPerMonth)
    return a.workersEurPerMonth < b.workersEurPerMonth;
  const x = a.allocatable;
  const y = b.allocatable;
  if (x.cpuMillicores !== y.cpuMillicores) return x.cpuMillicores > y.cpuMillicores;
  if (x.memoryMiB !== y.memoryMiB) return x.memoryMiB > y.memoryMiB;
  if (x.storageGiB !== y.storageGiB) return x.storageGiB > y.storageGiB;
  return a.count < b.count;
}

/** One candidate (size, count), with the smallest volume it needs; null when it cannot fit. */
function candidate(
  input: FitInput,
  size: ServerSize,
  count: number,
  limit: number,
): WorkerFit | null {
  const cp = poolAllocatable(input.controlPlane);
  const { requests } = input;
  const volumeGb =
    input.volumes === false
      ? 0
      : volumeNeeded(size, count, cp.storageGiB, requests.storageGiB, limit);
  if (volumeGb === null) return null;
  const workers = poolAllocatable({ ...poolOf(size, count), diskGB: size.diskGB + volumeGb });
  const allocatable = addAllTotals([cp, workers]);
  const usage = usageOf(requests, allocatable);
  if (usage.cpu > limit || usage.memory > limit || usage.disk > limit) return null;
  const perNode = size.eurPerMonth + volumeGb * VOLUME_EUR_PER_GB_MONTH[input.provider];
  return {
    size: size.id,
    count,
    ...(volumeGb > 0 ? { volumeGb } : {}),
    workersEurPerMonth: count * perNode,
    allocatable,
    usage,
  };
}

/**
 * The cheapest worker size, count (minCount to WORKER_COUNT_RANGE.max) and extra volume from the
 * provider's catalogue with which the cluster's requests use at most 1 - headroom of its CPU,
 * memory and disk; null when none does. Ties go to more capacity, so more load never gets less.
 */
export function fitWorkers(input: FitInput): WorkerFit | null {
  const limit = 1 - (input.headroom ?? SIZING_HEADROOM);
  const minCount = Math.max(input.minCount ?? 1, WORKER_COUNT_RANGE.min);
  let best: WorkerFit | null = null;
  for (const size of getProvider(input.provider).sizes) {
    if (size.arch !== input.arch) continue;
    for (let count = minCount; count <= WORKER_COUNT_RANGE.max; count++) {
      const fit = candidate(input, size, count, limit);
      if (!fit) continue;
      if (!best || better(fit, best)) best = fit;
    }
  }
  return best;
}

/** The fit for a region's cluster: its control plane kept, the workers chosen by fitWorkers. */
export function fitRegion(
  provider: ProviderId,
  region: RegionNodes,
  requests: ResourceTotals = ZERO,
): WorkerFit | null {
  const cp = findSize(provider, region.controlPlane.size);
  const controlPlane: NodePool = {
    vcpu: cp?.vcpu ?? 0,
    ramGiB: cp?.ramGiB ?? 0,
    diskGB: cp?.diskGB ?? 0,
    count: controlPlaneCount(region.controlPlane),
  };
  return fitWorkers({ provider, requests, controlPlane, ...(cp?.arch ? { arch: cp.arch } : {}) });
}

/** Whether a region's workers already are this pool (same size, count and volume). */
export function samePool(
  a: RegionNodes['workers'],
  b: { readonly size: string; readonly count: number; readonly volumeGb?: number | undefined },
): boolean {
  return a.size === b.size && a.count === b.count && volumeOf(a.volumeGb) === volumeOf(b.volumeGb);
}
