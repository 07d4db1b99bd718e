import { TIER_INFO, type Tier } from '../../shared/constants/catalog-types';
import { Badge } from '../ui/badge';

/** A small pill naming a component's tier. */
export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <Badge
      tone={TIER_INFO[tier].tone}
      className={tier === 'optional' ? 'shrink-0 bg-transparent text-fg-muted' : 'shrink-0'}
    >
      {TIER_INFO[tier].label}
    </Badge>
  );
}
