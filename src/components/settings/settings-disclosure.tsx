// The "Settings" button of a component (on its card and in the graph panel) and, once opened,
// its settings panel, whose code loads on demand (it is not part of the first page).
import { useState } from 'react';
import type { ComponentId } from '../../shared/constants/components';
import { Button } from '../ui/button';
import { LazySection } from '../ui/lazy-section';
import type { SettingsPanelProps } from './settings-panel';

const loadPanel = () => import('./settings-panel').then((m) => m.SettingsPanel);

/** True when a component has a changed setting or advanced values in the draft. */
export function hasConfig(o: object | undefined): boolean {
  return o !== undefined && Object.keys(o).length > 0;
}

export function SettingsDisclosure({ id, name }: { id: ComponentId; name: string }) {
  const [open, setOpen] = useState(false);
  const panelId = `settings-${id}`;
  return (
    <div>
      <Button
        size="sm"
        variant="ghost"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={`Settings of ${name}`}
        onClick={() => setOpen((o) => !o)}
      >
        Settings {open ? '▴' : '▾'}
      </Button>
      {open && (
        <div id={panelId}>
          <LazySection<SettingsPanelProps>
            load={loadPanel}
            props={{ id }}
            label={`the settings of ${name}`}
          />
        </div>
      )}
    </div>
  );
}
