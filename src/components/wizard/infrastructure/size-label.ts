import type { ServerSize } from '../../../shared/constants/domain';
import { formatEur } from '../../../shared/lib/format';

/**
 * "cpx32 · €14.49/month · 4 vCPU · 8 GiB RAM · 160 GB disk" for a size option: the price right
 * after the name, so a narrow closed select box cuts off the disk, never the price.
 */
export function sizeLabel(size: ServerSize): string {
  return `${size.id} · ${formatEur(size.eurPerMonth, size.priceIsEstimate)}/month · ${size.vcpu} vCPU · ${size.ramGiB} GiB RAM · ${size.diskGB} GB disk`;
}
