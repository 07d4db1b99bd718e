// Hardware beyond CPU, memory and disk: whether a plan's node sizes have a GPU, for the
// components that cannot run without one (catalog `hardware`). Pure, zod-free.
import { getComponent, type ComponentId } from '../constants/components';
import { findSize, type ProviderId } from '../constants/domain';

/** Whether any control-plane or worker size of the regions has a GPU. */
export function planHasGpu(
  provider: ProviderId,
  regions: readonly { controlPlane: { size: string }; workers: { size: string } }[],
): boolean {
  return regions.some((r) =>
    [r.controlPlane.size, r.workers.size].some((s) => (findSize(provider, s)?.gpus ?? 0) > 0),
  );
}

/** The sentence a component that needs a GPU shows when the plan has none, else null. */
export function missingGpuNote(id: ComponentId, hasGpu: boolean): string | null {
  const def = getComponent(id);
  if (!def.hardware?.gpu || hasGpu) return null;
  return `${def.name} needs GPU nodes (${def.hardware.why}), and no node size of this plan has a GPU: it will not start until GPU workers join the cluster`;
}
