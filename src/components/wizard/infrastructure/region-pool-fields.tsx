// The node-pool fields of one region: the control plane (size, HA) and the workers (size, count,
// extra volume). Each pool reads the provider and writes the region through the draft store.
import {
  VOLUME_EUR_PER_GB_MONTH,
  VOLUME_GB_RANGE,
  WORKER_COUNT_RANGE,
  getProvider,
} from '../../../shared/constants/domain';
import { fieldId } from '../../../shared/lib/draft-defaults';
import type { RegionDraft } from '../../../shared/schemas/draft';
import { useDraftStore } from '../../../shared/store/draft-store';
import { Checkbox } from '../../ui/choice';
import { Select } from '../../ui/field';
import { NumberInput, rangeError } from '../../ui/number-input';
import { DraftField } from '../draft-field';
import { sizeLabel } from './size-label';

export interface PoolFieldsProps {
  index: number;
  region: RegionDraft;
}

/** The current provider and the region updater. */
function usePoolContext() {
  const provider = getProvider(useDraftStore((s) => s.draft.infrastructure.provider));
  const updateRegion = useDraftStore((s) => s.updateRegion);
  return { provider, updateRegion };
}

/** One option per server size of the provider. */
const sizeOptions = (provider: ReturnType<typeof getProvider>) =>
  provider.sizes.map((s) => (
    <option key={s.id} value={s.id}>
      {sizeLabel(s)}
    </option>
  ));

/** The control-plane pool: node size and whether it runs highly available. */
export function ControlPlanePoolFields({ index, region }: PoolFieldsProps) {
  const { provider, updateRegion } = usePoolContext();
  const base = `infrastructure.regions.${index}`;
  return (
    <div className="space-y-2">
      <DraftField path={`${base}.controlPlane.size`} label="Control-plane size">
        {(control) => (
          <Select
            {...control}
            value={region.controlPlane.size}
            onChange={(e) => updateRegion(index, { controlPlane: { size: e.target.value } })}
          >
            {sizeOptions(provider)}
          </Select>
        )}
      </DraftField>
      <Checkbox
        id={fieldId(`${base}.controlPlane.ha`)}
        label="Highly available control plane"
        description="3 control-plane nodes instead of 1"
        checked={region.controlPlane.ha}
        onChange={(e) => updateRegion(index, { controlPlane: { ha: e.target.checked } })}
      />
    </div>
  );
}

/** The worker pool's extra volume per node; empty means none. */
function WorkerVolumeField({ index, region }: PoolFieldsProps) {
  const { provider, updateRegion } = usePoolContext();
  return (
    <DraftField
      path={`infrastructure.regions.${index}.workers.volumeGb`}
      label="Extra volume per worker (GB)"
      hint={`Optional, ${VOLUME_GB_RANGE.min} to ${VOLUME_GB_RANGE.max} GB on top of the size's disk, ≈ €${VOLUME_EUR_PER_GB_MONTH[provider.id]} per GB and month; empty: none`}
    >
      {(control) => (
        <NumberInput
          {...control}
          min={VOLUME_GB_RANGE.min}
          max={VOLUME_GB_RANGE.max}
          value={region.workers.volumeGb ?? NaN}
          onValueChange={(v) =>
            updateRegion(index, { workers: { volumeGb: Number.isNaN(v) ? undefined : v } })
          }
        />
      )}
    </DraftField>
  );
}

/** The worker pool: node size, node count and the extra volume per node. */
export function WorkerPoolFields({ index, region }: PoolFieldsProps) {
  const { provider, updateRegion } = usePoolContext();
  const base = `infrastructure.regions.${index}`;
  return (
    <div className="space-y-2">
      <DraftField path={`${base}.workers.size`} label="Worker size">
        {(control) => (
          <Select
            {...control}
            value={region.workers.size}
            onChange={(e) => updateRegion(index, { workers: { size: e.target.value } })}
          >
            {sizeOptions(provider)}
          </Select>
        )}
      </DraftField>
      <DraftField
        path={`${base}.workers.count`}
        label="Worker count"
        hint={`${WORKER_COUNT_RANGE.min} to ${WORKER_COUNT_RANGE.max} nodes`}
        liveError={rangeError(region.workers.count, WORKER_COUNT_RANGE, 'Worker count')}
      >
        {(control) => (
          <NumberInput
            {...control}
            min={WORKER_COUNT_RANGE.min}
            max={WORKER_COUNT_RANGE.max}
            value={region.workers.count}
            onValueChange={(count) => updateRegion(index, { workers: { count } })}
          />
        )}
      </DraftField>
      <WorkerVolumeField index={index} region={region} />
    </div>
  );
}
