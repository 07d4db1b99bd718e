import type { ServerSize } from '../../../shared/constants/domain';
import { formatEur } from '../../../shared/lib/format';

/** "cpx32 · 4 vCPU · 8 GiB RAM · 160 GB disk · €14.49/month" for a size option. */
export function sizeLabel(size: ServerSize): string {
  return `${size.id} · ${size.vcpu} vCPU · ${size.ramGiB} GiB RAM · ${size.diskGB} GB disk · ${formatEur(size.eurPerMonth, size.priceIsEstimate)}/month`;
}
