import { useState } from 'react';
import { TOPOLOGIES, type TopologyId } from '../../../shared/constants/domain';
import { fieldId } from '../../../shared/lib/draft-defaults';
import { useDraftStore } from '../../../shared/store/draft-store';
import { RadioCards } from '../../ui/choice';
import { SwitchNotice, loadSwitches, usePreloadSwitches } from './switch-notice';

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

/** The topology: how many regions and which building blocks each carries; says what a switch reset. */
export function TopologyPicker() {
  const topology = useDraftStore((s) => s.draft.infrastructure.topology);
  const [resets, setResets] = useState<readonly string[]>([]);
  usePreloadSwitches();
  return (
    <>
      <RadioCards<TopologyId>
        name="topology"
        legend="Topology"
        options={OPTIONS}
        value={topology}
        onChange={(t) =>
          void loadSwitches().then((m) => setResets(m.applyTopology(useDraftStore, t)))
        }
        firstId={fieldId('infrastructure.topology')}
      />
      <SwitchNotice id="topology-switch-notice" lines={resets} />
    </>
  );
}
