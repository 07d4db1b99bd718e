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

/** Where the cold tier lives, its bucket and location, and its access keys (memory only). */
export function ColdBackendFields() {
  const cold = useDraftStore((s) => s.draft.storage.cold);
  const update = useDraftStore((s) => s.updateCold);
  const backend = COLD_BACKENDS.find((b) => b.id === cold.backend) ?? COLD_BACKENDS[0];
  const regions = coldBackendRegions(backend.id);
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
        <DraftField path="storage.cold.bucket" label="Cold-tier bucket">
          {(control) => (
            <Input
              {...control}
              value={cold.bucket}
              spellCheck={false}
              onChange={(e) => update({ bucket: e.target.value })}
            />
          )}
        </DraftField>
        {needs('accountId') ? (
          <DraftField
            path="storage.cold.accountId"
            label="Cloudflare account id"
            hint="32 hexadecimal characters, from the R2 overview page."
          >
            {(control) => (
              <Input
                {...control}
                value={cold.accountId}
                spellCheck={false}
                className="font-mono"
                onChange={(e) => update({ accountId: e.target.value })}
              />
            )}
          </DraftField>
        ) : null}
        {needs('region') ? (
          <DraftField
            path="storage.cold.region"
            label="Cold-tier region"
            hint={`${backend.name} regions: ${regions.join(', ')}`}
          >
            {(control) => (
              <Select
                {...control}
                value={cold.region}
                onChange={(e) => update({ region: e.target.value })}
              >
                {regions.includes(cold.region) ? null : (
                  <option value={cold.region}>
                    {cold.region
                      ? `${cold.region} (not a ${backend.name} region)`
                      : 'Choose a region'}
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
        ) : null}
        <SecretField name="coldAccessKeyId" label="Cold-tier access key id" />
        <SecretField name="coldSecretAccessKey" label="Cold-tier secret access key" />
      </div>
    </FormSection>
  );
}
