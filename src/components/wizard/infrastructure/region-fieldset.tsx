import { BUILDING_BLOCKS, getProvider, type BuildingBlock } from '../../../shared/constants/domain';
import { fieldId } from '../../../shared/lib/draft-defaults';
import type { RegionDraft } from '../../../shared/schemas/draft';
import { useDraftStore } from '../../../shared/store/draft-store';
import { useLockReason } from '../../../shared/store/revision-store';
import { Checkbox } from '../../ui/choice';
import { LazySection } from '../../ui/lazy-section';
import { FieldError, Select } from '../../ui/field';
import { DraftField } from '../draft-field';
import { useFieldError } from '../step-errors';
import {
  ControlPlanePoolFields,
  WorkerPoolFields,
  type PoolFieldsProps,
} from './region-pool-fields';
import type { RegionLoadProps } from './region-load';

/** The region's load meters and "Fit nodes to load", loaded on demand (a module-level cache key). */
const loadRegionLoad = () => import('./region-load').then((m) => m.RegionLoad);

export interface RegionFieldsetProps {
  index: number;
  label: string;
  region: RegionDraft;
}

/** The provider's region this region's cluster runs in; locked once the Sovereign exists. */
function CloudRegionField({ index, region }: PoolFieldsProps) {
  const provider = getProvider(useDraftStore((s) => s.draft.infrastructure.provider));
  const updateRegion = useDraftStore((s) => s.updateRegion);
  const path = `infrastructure.regions.${index}.cloudRegion`;
  const locationLock = useLockReason(path);
  return (
    <DraftField path={path} label={`${provider.name} region`} hint={locationLock}>
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
  );
}

/** The building blocks the region runs, one checkbox each. */
function BuildingBlocksFieldset({ index, region }: PoolFieldsProps) {
  const updateRegion = useDraftStore((s) => s.updateRegion);
  const blocksPath = `infrastructure.regions.${index}.buildingBlocks`;
  const blocksError = useFieldError(blocksPath);
  const blocksErrorId = blocksError ? `${fieldId(blocksPath)}-error` : undefined;

  const toggleBlock = (id: BuildingBlock, on: boolean) =>
    updateRegion(index, {
      buildingBlocks: BUILDING_BLOCKS.map((b) => b.id).filter((b) =>
        b === id ? on : region.buildingBlocks.includes(b),
      ),
    });

  return (
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
  );
}

/** One region of the topology: cloud region, building blocks, control plane and workers. */
export function RegionFieldset({ index, label, region }: RegionFieldsetProps) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-border p-4">
      <legend className="px-1 text-sm font-semibold">{label}</legend>
      <CloudRegionField index={index} region={region} />
      <BuildingBlocksFieldset index={index} region={region} />
      <div className="grid gap-4 lg:grid-cols-2">
        <ControlPlanePoolFields index={index} region={region} />
        <WorkerPoolFields index={index} region={region} />
      </div>
      <LazySection<RegionLoadProps>
        load={loadRegionLoad}
        props={{ index }}
        label={`the load meters of region ${index + 1}`}
      />
    </fieldset>
  );
}
