import { getTopology } from '../../../shared/constants/domain';
import { monthlyCost } from '../../../shared/lib/capacity';
import { capacityInputs } from '../../../shared/lib/node-pools';
import { fieldId } from '../../../shared/lib/draft-defaults';
import { useDraftStore } from '../../../shared/store/draft-store';
import { FieldError } from '../../ui/field';
import { FormSection } from '../section';
import { useFieldError } from '../step-errors';
import { RegionFieldset } from './region-fieldset';
import { formatEur } from './size-label';

/** One fieldset per region of the chosen topology, and the nodes' monthly cost. */
export function RegionsSection() {
  const infra = useDraftStore((s) => s.draft.infrastructure);
  const slots = getTopology(infra.topology).regions;
  const countError = useFieldError('infrastructure.regions');
  const { priced, priceIsEstimate: estimate } = capacityInputs(infra.provider, infra.regions);
  const total = monthlyCost(priced).totalEur;
  return (
    <FormSection legend="Regions" description="Each region is one Kubernetes cluster.">
      <FieldError id={`${fieldId('infrastructure.regions')}-error`} message={countError} />
      {infra.regions.map((region, i) => (
        <RegionFieldset
          key={i}
          index={i}
          label={slots[i]?.label ?? `Region ${i + 1}`}
          region={region}
        />
      ))}
      <p className="text-sm" aria-live="polite">
        Nodes cost <strong>{formatEur(total, estimate)} per month</strong>{' '}
        <span className="text-fg-muted">
          (control plane ×1, or ×3 when highly available, plus workers, in every region
          {estimate ? '; ≈ marks an estimate from list prices' : ''})
        </span>
      </p>
    </FormSection>
  );
}
