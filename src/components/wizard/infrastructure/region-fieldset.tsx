import {
  BUILDING_BLOCKS,
  VOLUME_EUR_PER_GB_MONTH,
  VOLUME_GB_RANGE,
  WORKER_COUNT_RANGE,
  getProvider,
  type BuildingBlock,
} from '../../../shared/constants/domain';
import { fieldId } from '../../../shared/lib/draft-defaults';
import type { RegionDraft } from '../../../shared/schemas/draft';
import { useDraftStore } from '../../../shared/store/draft-store';
import { useLockReason } from '../../../shared/store/revision-store';
import { Checkbox } from '../../ui/choice';
import { LazySection } from '../../ui/lazy-section';
import { FieldError, Select } from '../../ui/field';
import { NumberInput, rangeError } from '../../ui/number-input';
import { DraftField } from '../draft-field';
import { useFieldError } from '../step-errors';
import { sizeLabel } from './size-label';
import type { RegionLoadProps } from './region-load';

/** The region's load meters and "Fit nodes to load", loaded on demand (a module-level cache key). */
const loadRegionLoad = () => import('./region-load').then((m) => m.RegionLoad);

export interface RegionFieldsetProps {
  index: number;
  label: string;
  region: RegionDraft;
}

/** One region of the topology: cloud region, building blocks, control plane and workers. */
export function RegionFieldset({ index, label, region }: RegionFieldsetProps) {
  const provider = getProvider(useDraftStore((s) => s.draft.infrastructure.provider));
  const updateRegion = useDraftStore((s) => s.updateRegion);
  const base = `infrastructure.regions.${index}`;
  const locationLock = useLockReason(`${base}.cloudRegion`);
  const blocksPath = `${base}.buildingBlocks`;
  const blocksError = useFieldError(blocksPath);
  const blocksErrorId = blocksError ? `${fieldId(blocksPath)}-error` : undefined;
  const sizeOptions = provider.sizes.map((s) => (
    <option key={s.id} value={s.id}>
      {sizeLabel(s)}
    </option>
  ));

  const toggleBlock = (id: BuildingBlock, on: boolean) =>
    updateRegion(index, {
      buildingBlocks: BUILDING_BLOCKS.map((b) => b.id).filter((b) =>
        b === id ? on : region.buildingBlocks.includes(b),
      ),
    });

  return (
    <fieldset className="space-y-4 rounded-lg border border-border p-4">
      <legend className="px-1 text-sm font-semibold">{label}</legend>
      <DraftField
        path={`${base}.cloudRegion`}
        label={`${provider.name} region`}
        hint={locationLock}
      >
        {(control) => (
          <Select
            {...control}
            disabled={locationLock !== undefined}
            value={region.cloudRegion}
            onChange={(e) => updateRegion(index, { cloudRegion: e.target.value })}
          >
            {provider.regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        )}
      </DraftField>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Building blocks</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {BUILDING_BLOCKS.map((b, i) => (
            <Checkbox
              key={b.id}
              id={i === 0 ? fieldId(blocksPath) : `${fieldId(blocksPath)}-${b.id}`}
              label={`${b.name} (${b.id})`}
              description={b.description}
              checked={region.buildingBlocks.includes(b.id)}
              aria-invalid={blocksError ? true : undefined}
              aria-describedby={blocksErrorId}
              onChange={(e) => toggleBlock(b.id, e.target.checked)}
            />
          ))}
        </div>
        <FieldError id={blocksErrorId} message={blocksError} />
      </fieldset>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-2">
          <DraftField path={`${base}.controlPlane.size`} label="Control-plane size">
            {(control) => (
              <Select
                {...control}
                value={region.controlPlane.size}
                onChange={(e) => updateRegion(index, { controlPlane: { size: e.target.value } })}
              >
                {sizeOptions}
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
        <div className="space-y-2">
          <DraftField path={`${base}.workers.size`} label="Worker size">
            {(control) => (
              <Select
                {...control}
                value={region.workers.size}
                onChange={(e) => updateRegion(index, { workers: { size: e.target.value } })}
              >
                {sizeOptions}
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
          <DraftField
            path={`${base}.workers.volumeGb`}
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
        </div>
      </div>
      <LazySection<RegionLoadProps>
        load={loadRegionLoad}
        props={{ index }}
        label={`the load meters of region ${index + 1}`}
      />
    </fieldset>
  );
}
