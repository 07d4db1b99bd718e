import type { Tier } from '../../shared/constants/catalog-types';
import { Badge } from '../ui/badge';

const TIER_LABEL: Record<Tier, string> = {
  mandatory: 'Mandatory',
  recommended: 'Recommended',
  optional: 'Optional',
};

const TIER_TONE = { mandatory: 'neutral', recommended: 'accent', optional: 'neutral' } as const;

/** A small pill naming a component's tier. */
export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <Badge
      tone={TIER_TONE[tier]}
      className={tier === 'optional' ? 'shrink-0 bg-transparent text-fg-muted' : 'shrink-0'}
    >
      {TIER_LABEL[tier]}
    </Badge>
  );
}
