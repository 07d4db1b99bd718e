import { formatUsagePercent, type CapacityLevel } from '../../shared/lib/capacity';
import { cn } from '../ui/cn';

export interface UsageBarProps {
  label: string;
  /** requested / allocatable; may exceed 1 or be Infinity. */
  usage: number;
  level: CapacityLevel;
  /** The numbers in words, e.g. '12.3 of 28.8 cores'. */
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
