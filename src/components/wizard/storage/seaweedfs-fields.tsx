import {
  PLACEMENT_LABELS,
  PLACEMENT_MODES,
  SEAWEEDFS_SETTINGS,
  type PlacementMode,
} from '../../../shared/constants/domain';
import { fieldId } from '../../../shared/lib/draft-defaults';
import type { StorageDraft } from '../../../shared/schemas/draft';
import { useDraftStore } from '../../../shared/store/draft-store';
import { Checkbox } from '../../ui/choice';
import { Select } from '../../ui/field';
import { NumberInput, rangeError } from '../../ui/number-input';
import { DraftField } from '../draft-field';
import { FormSection } from '../section';

type NumericSetting = keyof typeof SEAWEEDFS_SETTINGS;

const NUMERIC: { key: NumericSetting; label: string }[] = [
  { key: 'masterReplicas', label: 'Master replicas' },
  { key: 'volumeReplicas', label: 'Volume replicas' },
  { key: 'filerReplicas', label: 'Filer replicas' },
  { key: 's3Replicas', label: 'S3 gateway replicas' },
  { key: 'volumeSizeGi', label: 'Volume size (GiB)' },
];

/** SeaweedFS replicas, volume size, name prefix and placement. */
export function SeaweedfsFields() {
  const settings = useDraftStore((s) => s.draft.storage.seaweedfs);
  const update = useDraftStore((s) => s.updateSeaweedfs);
  return (
    <FormSection
      legend="SeaweedFS"
      description="The object store every region runs; hot and warm data live on its volume servers."
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {NUMERIC.map(({ key, label }) => {
          const range = SEAWEEDFS_SETTINGS[key];
          return (
            <DraftField
              key={key}
              path={`storage.seaweedfs.${key}`}
              label={label}
              hint={`${range.min} to ${range.max.toLocaleString('en')}, default ${range.default}`}
              liveError={rangeError(settings[key], range, label)}
            >
              {(control) => (
                <NumberInput
                  {...control}
                  min={range.min}
                  max={range.max}
                  value={settings[key]}
                  onValueChange={(v) => update({ [key]: v } as Partial<StorageDraft['seaweedfs']>)}
                />
              )}
            </DraftField>
          );
        })}
        <DraftField path="storage.seaweedfs.placement" label="Placement">
          {(control) => (
            <Select
              {...control}
              value={settings.placement}
              onChange={(e) => update({ placement: e.target.value as PlacementMode })}
            >
              {PLACEMENT_MODES.map((m) => (
                <option key={m} value={m}>
                  {PLACEMENT_LABELS[m]}
                </option>
              ))}
            </Select>
          )}
        </DraftField>
      </div>
      <Checkbox
        id={fieldId('storage.seaweedfs.enableNamePrefix')}
        label="Prefix bucket names with the Sovereign name"
        description="Keeps bucket names unique when several Sovereigns share a cold-tier account."
        checked={settings.enableNamePrefix}
        onChange={(e) => update({ enableNamePrefix: e.target.checked })}
      />
    </FormSection>
  );
}
