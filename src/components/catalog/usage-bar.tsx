import {
  formatUsagePercent,
  usageLevel,
  type CapacityLevel,
  type RegionCapacity,
} from '../../shared/lib/capacity';
import { formatAmount } from '../../shared/lib/format';
import { cn } from '../ui/cn';

export interface UsageBarProps {
  label: string;
  /** requested / allocatable; may exceed 1 or be Infinity. */
  usage: number;
  level: CapacityLevel;
  /** The numbers in words, e.g. '12.3 of 28.8 vCPU'. */
  detail: string;
}

const BAR_CLASS: Record<CapacityLevel, string> = {
  ok: 'bg-ok',
  warn: 'bg-warn',
  error: 'bg-danger',
};

const TEXT_CLASS: Record<CapacityLevel, string> = {
  ok: 'text-fg-muted',
  warn: 'text-warn font-medium',
  error: 'text-danger font-medium',
};

/** One resource's requests against allocatable capacity, as text and a bar (the bar is decorative). */
export function UsageBar({ label, usage, level, detail }: UsageBarProps) {
  const width = Number.isFinite(usage) ? Math.min(usage, 1) * 100 : 100;
  return (
    <div className="text-xs">
      <div className="flex justify-between gap-2">
        <span className="font-medium">{label}</span>
        <span className={TEXT_CLASS[level]}>
          {detail} ({formatUsagePercent(usage)})
        </span>
      </div>
      <div aria-hidden="true" className="mt-1 h-1.5 overflow-hidden rounded-full bg-muted">
        <div
          className={cn('h-full rounded-full', BAR_CLASS[level])}
          style={{ width: `${width}%` }}
        />
      </div>
    </div>
  );
}

/** A cluster's CPU, memory and disk requests against its nodes' allocatable capacity. */
export function UsageBars({
  capacity,
  diskLabel = 'Disk',
}: {
  capacity: Pick<RegionCapacity, 'requests' | 'allocatable' | 'usage'>;
  diskLabel?: string;
}) {
  const { requests: r, allocatable: a, usage } = capacity;
  return (
    <>
      <UsageBar
        label="CPU"
        usage={usage.cpu}
        level={usageLevel(usage.cpu)}
        detail={`${formatAmount(r.cpuMillicores / 1000)} of ${formatAmount(a.cpuMillicores / 1000)} vCPU`}
      />
      <UsageBar
        label="Memory"
        usage={usage.memory}
        level={usageLevel(usage.memory)}
        detail={`${formatAmount(r.memoryMiB / 1024)} of ${formatAmount(a.memoryMiB / 1024)} GiB`}
      />
      <UsageBar
        label={diskLabel}
        usage={usage.disk}
        level={usageLevel(usage.disk)}
        detail={`${formatAmount(r.storageGiB)} of ${formatAmount(a.storageGiB)} GiB`}
      />
    </>
  );
}
