import { STORAGE_TIERS, TIER_DAYS } from '../../../shared/constants/domain';
import { useDraftStore } from '../../../shared/store/draft-store';
import { NumberInput } from '../../ui/number-input';
import { DraftField } from '../draft-field';
import { FormSection } from '../section';

const days = (n: number) => (Number.isFinite(n) ? `${n} ${n === 1 ? 'day' : 'days'}` : '?');

/** Hot and warm tier ages, with a strip showing hot / warm / cold and where each lives. */
export function TierFields() {
  const tiers = useDraftStore((s) => s.draft.storage.tiers);
  const update = useDraftStore((s) => s.updateTiers);
  const ages = {
    hot: `0 – ${days(tiers.hotDays)}`,
    warm: `${days(tiers.hotDays)} – ${days(tiers.warmDays)}`,
    cold: `older than ${days(tiers.warmDays)}`,
  };
  return (
    <FormSection legend="Tiers" description="Objects move to a cooler tier as they age.">
      <div className="grid gap-4 sm:grid-cols-2">
        <DraftField
          path="storage.tiers.hotDays"
          label="Hot tier: days"
          hint={`${TIER_DAYS.hot.min} to ${TIER_DAYS.hot.max}`}
        >
          {(control) => (
            <NumberInput
              {...control}
              min={TIER_DAYS.hot.min}
              max={TIER_DAYS.hot.max}
              value={tiers.hotDays}
              onValueChange={(hotDays) => update({ hotDays })}
            />
          )}
        </DraftField>
        <DraftField
          path="storage.tiers.warmDays"
          label="Warm tier: up to day"
          hint="More than the hot tier's days; anything older is cold."
        >
          {(control) => (
            <NumberInput
              {...control}
              min={TIER_DAYS.warm.min}
              max={TIER_DAYS.warm.max}
              value={tiers.warmDays}
              onValueChange={(warmDays) => update({ warmDays })}
            />
          )}
        </DraftField>
      </div>
      <ol
        aria-label="Storage tiers"
        className="grid grid-cols-3 overflow-hidden rounded-md border border-border text-sm"
      >
        {STORAGE_TIERS.map((t, i) => (
          <li
            key={t.tier}
            className={`border-border p-3 ${i > 0 ? 'border-l' : ''} ${['bg-accent/15', 'bg-warn/15', 'bg-muted'][i] ?? ''}`}
          >
            <span className="block font-semibold capitalize">{t.tier}</span>
            <span className="block">{ages[t.tier]}</span>
            <span className="block text-xs text-fg-muted">{t.backend}</span>
          </li>
        ))}
      </ol>
    </FormSection>
  );
}
