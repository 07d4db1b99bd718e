import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { WORKER_COUNT_RANGE, getTopology } from '../../../shared/constants/domain';
import { rangeError } from '../../ui/number-input';
import { monthlyCost } from '../../../shared/lib/cost';
import { capacityInputs } from '../../../shared/lib/node-pools';
import { fieldId } from '../../../shared/lib/draft-defaults';
import { useDraftStore } from '../../../shared/store/draft-store';
import { FieldError } from '../../ui/field';
import { FormSection } from '../section';
import { useFieldError } from '../step-errors';
import { RegionFieldset } from './region-fieldset';
import { formatEur } from '../../../shared/lib/format';

/** One fieldset per region of the chosen topology, and the nodes' monthly cost. */
export function RegionsSection() {
  // Only what this section shows: typing the name or the SSH key does not re-render the regions.
  const { provider, topology, regions } = useDraftStore(
    useShallow((s) => ({
      provider: s.draft.infrastructure.provider,
      topology: s.draft.infrastructure.topology,
      regions: s.draft.infrastructure.regions,
    })),
  );
  const slots = getTopology(topology).regions;
  const countError = useFieldError('infrastructure.regions');
  const { total, estimate } = useMemo(() => {
    const inputs = capacityInputs(provider, regions);
    return { total: monthlyCost(inputs.priced).totalEur, estimate: inputs.priceIsEstimate };
  }, [provider, regions]);
  // A count that is no whole number in range has no price: -1 or 3.5 nodes cost nothing real.
  const unpriced = regions.some(
    (r) => rangeError(r.workers.count, WORKER_COUNT_RANGE, 'Worker count') !== undefined,
  );
  return (
    <FormSection legend="Regions" description="Each region is one Kubernetes cluster.">
      <FieldError id={`${fieldId('infrastructure.regions')}-error`} message={countError} />
      {regions.map((region, i) => (
        <RegionFieldset
          key={i}
          index={i}
          label={slots[i]?.label ?? `Region ${i + 1}`}
          region={region}
        />
      ))}
      <p className="text-sm" aria-live="polite">
        {unpriced ? (
          <>
            No price yet:{' '}
            <strong>
              every worker count must be a whole number from {WORKER_COUNT_RANGE.min} to{' '}
              {WORKER_COUNT_RANGE.max}
            </strong>
            .
          </>
        ) : (
          <PriceLine total={total} estimate={estimate} />
        )}
      </p>
    </FormSection>
  );
}

function PriceLine({ total, estimate }: { total: number; estimate: boolean }) {
  return (
    <>
      Nodes cost <strong>{formatEur(total, estimate)} per month</strong>{' '}
      <span className="text-fg-muted">
        (control plane ×1, or ×3 when highly available, plus workers, in every region
        {estimate ? '; ≈ marks an estimate from list prices' : ''})
      </span>
    </>
  );
}
