import {
  COLD_BACKENDS,
  coldBackendRegions,
  type ColdBackendId,
} from '../../../shared/constants/domain';
import { fieldId } from '../../../shared/lib/draft-defaults';
import { useDraftStore } from '../../../shared/store/draft-store';
import { RadioCards } from '../../ui/choice';
import { Input, Select } from '../../ui/field';
import { DraftField } from '../draft-field';
import { SecretField } from '../secret-field';
import { FormSection } from '../section';

const OPTIONS = COLD_BACKENDS.map((b) => ({
  value: b.id,
  label: b.name,
  description: `Needs ${b.fields.join(' and ').replace('accountId', 'account id')}`,
}));

type ColdBackend = (typeof COLD_BACKENDS)[number];

/** The Cloudflare account the R2 bucket belongs to. */
function ColdAccountField() {
  const accountId = useDraftStore((s) => s.draft.storage.cold.accountId);
  const update = useDraftStore((s) => s.updateCold);
  return (
    <DraftField
      path="storage.cold.accountId"
      label="Cloudflare account id"
      hint="32 hexadecimal characters, from the R2 overview page."
    >
      {(control) => (
        <Input
          {...control}
          value={accountId}
          spellCheck={false}
          className="font-mono"
          onChange={(e) => update({ accountId: e.target.value })}
        />
      )}
    </DraftField>
  );
}

/** The backend's region; a stored one the backend lacks stays visible until replaced. */
function ColdRegionField({ backend }: { backend: ColdBackend }) {
  const region = useDraftStore((s) => s.draft.storage.cold.region);
  const update = useDraftStore((s) => s.updateCold);
  const regions = coldBackendRegions(backend.id);
  return (
    <DraftField
      path="storage.cold.region"
      label="Cold-tier region"
      hint={`${backend.name} regions: ${regions.join(', ')}`}
    >
      {(control) => (
        <Select {...control} value={region} onChange={(e) => update({ region: e.target.value })}>
          {regions.includes(region) ? null : (
            <option value={region}>
              {region ? `${region} (not a ${backend.name} region)` : 'Choose a region'}
            </option>
          )}
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      )}
    </DraftField>
  );
}

/** The bucket name. */
function ColdBucketField() {
  const bucket = useDraftStore((s) => s.draft.storage.cold.bucket);
  const update = useDraftStore((s) => s.updateCold);
  return (
    <DraftField path="storage.cold.bucket" label="Cold-tier bucket">
      {(control) => (
        <Input
          {...control}
          value={bucket}
          spellCheck={false}
          onChange={(e) => update({ bucket: e.target.value })}
        />
      )}
    </DraftField>
  );
}

/** Where the cold tier lives, its bucket and location, and its access keys (memory only). */
export function ColdBackendFields() {
  const cold = useDraftStore((s) => s.draft.storage.cold);
  const update = useDraftStore((s) => s.updateCold);
  const backend = COLD_BACKENDS.find((b) => b.id === cold.backend) ?? COLD_BACKENDS[0];
  const needs = (f: string) => (backend.fields as readonly string[]).includes(f);
  return (
    <FormSection legend="Cold tier" description="Archived objects pass through to this bucket.">
      <RadioCards<ColdBackendId>
        name="cold-backend"
        legend="Cold-tier backend"
        options={OPTIONS}
        value={cold.backend}
        // A region belongs to its backend: one the new backend lacks is cleared, never carried.
        onChange={(b) =>
          update({
            backend: b,
            region: coldBackendRegions(b).includes(cold.region) ? cold.region : '',
          })
        }
        firstId={fieldId('storage.cold.backend')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <ColdBucketField />
        {needs('accountId') ? <ColdAccountField /> : null}
        {needs('region') ? <ColdRegionField backend={backend} /> : null}
        <SecretField name="coldAccessKeyId" label="Cold-tier access key id" />
        <SecretField name="coldSecretAccessKey" label="Cold-tier secret access key" />
      </div>
    </FormSection>
  );
}
