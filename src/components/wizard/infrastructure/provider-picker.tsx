import { useState } from 'react';
import { PLAN_ONLY_CARD, PROVIDERS, type ProviderId } from '../../../shared/constants/domain';
import { fieldId } from '../../../shared/lib/draft-defaults';
import { useDraftStore } from '../../../shared/store/draft-store';
import { useLockReason } from '../../../shared/store/revision-store';
import { useSecretsStore } from '../../../shared/store/secrets-store';
import { RadioCards } from '../../ui/choice';
import { SwitchNotice, loadSwitches, usePreloadSwitches } from './switch-notice';

const OPTIONS = PROVIDERS.map((p) => ({
  value: p.id,
  label: p.name,
  description: (
    <>
      {`${p.regions.length} regions · ${p.sizes.length} server sizes${p.sizes[0]?.priceIsEstimate ? ' · prices estimated' : ''}`}
      {p.hasModule ? null : (
        <span className="mt-0.5 block font-medium text-warn">{PLAN_ONLY_CARD}</span>
      )}
    </>
  ),
}));

/** The cloud provider, as radio cards (Hetzner first, as PROVIDERS lists it); says what a switch reset. */
export function ProviderPicker() {
  const provider = useDraftStore((s) => s.draft.infrastructure.provider);
  const [resets, setResets] = useState<readonly string[]>([]);
  const lock = useLockReason('infrastructure.provider');
  usePreloadSwitches();
  return (
    // A disabled fieldset disables every radio in it (revision mode: the provider is fixed).
    <fieldset disabled={lock !== undefined} className="contents">
      <RadioCards<ProviderId>
        name="provider"
        legend="Cloud provider"
        options={OPTIONS}
        value={provider}
        onChange={(p) =>
          void loadSwitches().then((m) =>
            setResets(m.applyProvider(useDraftStore, p, useSecretsStore)),
          )
        }
        firstId={fieldId('infrastructure.provider')}
      />
      {lock ? <p className="text-xs text-fg-muted">{lock}</p> : null}
      <SwitchNotice id="provider-switch-notice" lines={resets} />
    </fieldset>
  );
}
