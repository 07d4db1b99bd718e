import { PLAN_ONLY_CARD, PROVIDERS, type ProviderId } from '../../../shared/constants/domain';
import { fieldId } from '../../../shared/lib/draft-defaults';
import { useDraftStore } from '../../../shared/store/draft-store';
import { RadioCards } from '../../ui/choice';

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

/** The cloud provider, as radio cards (Hetzner first, as PROVIDERS lists it). */
export function ProviderPicker() {
  const provider = useDraftStore((s) => s.draft.infrastructure.provider);
  const setProvider = useDraftStore((s) => s.setProvider);
  return (
    <RadioCards<ProviderId>
      name="provider"
      legend="Cloud provider"
      options={OPTIONS}
      value={provider}
      onChange={setProvider}
      firstId={fieldId('infrastructure.provider')}
    />
  );
}
