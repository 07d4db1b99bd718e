import { TOPOLOGIES, type TopologyId } from '../../../shared/constants/domain';
import { fieldId } from '../../../shared/lib/draft-defaults';
import { useDraftStore } from '../../../shared/store/draft-store';
import { RadioCards } from '../../ui/choice';

const OPTIONS = TOPOLOGIES.map((t) => ({
  value: t.id,
  label: t.name,
  description: (
    <>
      {t.description}
      <span className="mt-1 block">
        {t.regions.length} {t.regions.length === 1 ? 'region' : 'regions'}:{' '}
        {t.regions.map((r) => r.label).join('; ')}
      </span>
    </>
  ),
}));

/** The topology: how many regions and which building blocks each carries. */
export function TopologyPicker() {
  const topology = useDraftStore((s) => s.draft.infrastructure.topology);
  const setTopology = useDraftStore((s) => s.setTopology);
  return (
    <RadioCards<TopologyId>
      name="topology"
      legend="Topology"
      options={OPTIONS}
      value={topology}
      onChange={setTopology}
      firstId={fieldId('infrastructure.topology')}
    />
  );
}
