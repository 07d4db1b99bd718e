// The "Settings" button of a component (on its card and in the graph panel) and, once opened,
// its settings panel, whose code loads on demand (it is not part of the first page). A link to
// one of its fields (Review's problems: `#field-components-settings-<id>-<key>`) opens it.
import { useState } from 'react';
import { useLocation } from 'react-router';
import type { ComponentId } from '../../shared/constants/components';
import { fieldId } from '../../shared/lib/draft-defaults';
import { Button } from '../ui/button';
import { LazySection } from '../ui/lazy-section';
import type { SettingsPanelProps } from './settings-panel';

const loadPanel = () => import('./settings-panel').then((m) => m.SettingsPanel);

/** True when a component has a changed setting or advanced values in the draft. */
export function hasConfig(o: object | undefined): boolean {
  return o !== undefined && Object.keys(o).length > 0;
}

/** True when a URL hash names a field of a component's settings panel (or the panel's settings). */
export function hashTargetsSettings(hash: string, id: string): boolean {
  const target = hash.slice(1);
  const settings = fieldId(`components.settings.${id}`);
  return (
    target === settings ||
    target.startsWith(`${settings}-`) ||
    target === fieldId(`components.values.${id}`)
  );
}

export function SettingsDisclosure({ id, name }: { id: ComponentId; name: string }) {
  const { hash } = useLocation();
  const [open, setOpen] = useState(() => hashTargetsSettings(hash, id));
  const [seenHash, setSeenHash] = useState(hash);
  if (hash !== seenHash) {
    setSeenHash(hash);
    if (hashTargetsSettings(hash, id)) setOpen(true);
  }
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
