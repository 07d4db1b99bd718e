import { useDraftStore } from '../../shared/store/draft-store';
import { Input } from '../ui/field';
import { DraftField } from './draft-field';
import { FormSection } from './section';

/** Where the Catalyst Blueprint charts come from, and the Secret with the pull credentials. */
export function BlueprintRegistryFields() {
  const blueprints = useDraftStore((s) => s.draft.blueprints);
  const update = useDraftStore((s) => s.updateBlueprints);
  return (
    <FormSection legend="Blueprints">
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <DraftField
          path="blueprints.registry"
          label="Blueprint registry"
          hint="Where bp-<id> charts are pulled from; an air-gapped Sovereign points this at its own mirror."
        >
          {(control) => (
            <Input
              {...control}
              value={blueprints.registry}
              placeholder="oci://ghcr.io/openova-io"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => update({ registry: e.target.value })}
            />
          )}
        </DraftField>
        <DraftField
          path="blueprints.pullSecretName"
          label="Registry pull secret"
          hint="The Secret with the registry's pull credentials (a Kubernetes name)."
        >
          {(control) => (
            <Input
              {...control}
              value={blueprints.pullSecretName}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => update({ pullSecretName: e.target.value })}
            />
          )}
        </DraftField>
      </div>
    </FormSection>
  );
}
