import type { Tier } from '../../shared/constants/catalog-types';
import { cn } from '../ui/cn';

const TIER_LABEL: Record<Tier, string> = {
  mandatory: 'Mandatory',
  recommended: 'Recommended',
  optional: 'Optional',
};

const TIER_CLASS: Record<Tier, string> = {
  mandatory: 'border-fg-muted/40 bg-muted text-fg',
  recommended: 'border-accent/50 text-accent',
  optional: 'border-border text-fg-muted',
};

/** A small pill naming a component's tier. */
export function TierBadge({ tier, className }: { tier: Tier; className?: string }) {
  return (
    <span
      className={cn(
        'inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-[11px] leading-4 font-medium',
        TIER_CLASS[tier],
        className,
      )}
    >
      {TIER_LABEL[tier]}
    </span>
  );
}
