import { useDraftStore } from '../../../shared/store/draft-store';
import { useLockReason } from '../../../shared/store/revision-store';
import { Input } from '../../ui/field';
import { DraftField } from '../draft-field';
import { FormSection } from '../section';

/** Sovereign name, organisation and contact email. */
export function IdentityFields() {
  const sovereignName = useDraftStore((s) => s.draft.infrastructure.sovereignName);
  const organization = useDraftStore((s) => s.draft.infrastructure.organization);
  const update = useDraftStore((s) => s.updateInfrastructure);
  const nameLock = useLockReason('infrastructure.sovereignName');
  return (
    <FormSection legend="Sovereign">
      <DraftField
        path="infrastructure.sovereignName"
        label="Sovereign name"
        hint={
          nameLock ?? '3 to 32 lowercase letters, digits or hyphens; names clusters and resources.'
        }
      >
        {(control) => (
          <Input
            {...control}
            disabled={nameLock !== undefined}
            value={sovereignName}
            placeholder="e.g. acme-prod"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => update({ sovereignName: e.target.value })}
          />
        )}
      </DraftField>
      <div className="grid gap-4 sm:grid-cols-2">
        <DraftField path="infrastructure.organization.name" label="Organisation name">
          {(control) => (
            <Input
              {...control}
              value={organization.name}
              placeholder="e.g. Acme Ltd"
              autoComplete="organization"
              onChange={(e) => update({ organization: { ...organization, name: e.target.value } })}
            />
          )}
        </DraftField>
        <DraftField path="infrastructure.organization.email" label="Contact email">
          {(control) => (
            <Input
              {...control}
              type="email"
              value={organization.email}
              placeholder="e.g. ops@acme.example"
              autoComplete="email"
              onChange={(e) => update({ organization: { ...organization, email: e.target.value } })}
            />
          )}
        </DraftField>
      </div>
    </FormSection>
  );
}
