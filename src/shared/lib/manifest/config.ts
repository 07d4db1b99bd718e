// Component settings and advanced values between the draft and the manifest: the manifest
// carries, per installed component, only the settings that differ from their defaults and only
// non-empty values; the draft gets them back on import.
import type { ComponentId } from '../../constants/components';
import type { SettingValue } from '../../constants/settings-types';
import type { ComponentsDraft } from '../../schemas/draft';
import type { ManifestComponent } from '../../schemas/manifest';
import { changedSettings, type ChartValues } from '../component-settings';

export type SettingsByComponent = Partial<Record<ComponentId, Record<string, SettingValue>>>;
export type ValuesByComponent = Partial<Record<ComponentId, ChartValues>>;

const nonEmpty = (o: object | undefined): boolean => o !== undefined && Object.keys(o).length > 0;

/** The settings and values the manifest can hold: installed components, changed, non-empty. */
export function canonicalConfig(
  components: Pick<ComponentsDraft, 'settings' | 'values'>,
  installed: ReadonlySet<ComponentId>,
): Pick<ComponentsDraft, 'settings' | 'values'> {
  const settings: SettingsByComponent = {};
  const values: ValuesByComponent = {};
  for (const id of installed) {
    const changed = changedSettings(id, components.settings?.[id]);
    if (nonEmpty(changed)) settings[id] = { ...changed };
    const v = components.values?.[id];
    if (nonEmpty(v)) values[id] = v;
  }
  return present(settings, values);
}

/** Only the non-empty maps: a draft with nothing set has neither key (the canonical form). */
function present(
  settings: SettingsByComponent,
  values: ValuesByComponent,
): Pick<ComponentsDraft, 'settings' | 'values'> {
  return { ...(nonEmpty(settings) ? { settings } : {}), ...(nonEmpty(values) ? { values } : {}) };
}

/** The manifest's component entries with their settings and values attached. */
export function withComponentConfig(
  entries: readonly ManifestComponent[],
  components: Pick<ComponentsDraft, 'settings' | 'values'>,
): ManifestComponent[] {
  return entries.map((e) => {
    const id = e.id as ComponentId;
    const settings = changedSettings(id, components.settings?.[id]);
    const values = components.values?.[id];
    return {
      ...e,
      ...(nonEmpty(settings) ? { settings: { ...settings } } : {}),
      ...(values && nonEmpty(values) ? { values } : {}),
    };
  });
}

/** The draft's settings and values from a manifest's component entries. */
export function configFromManifest(
  entries: readonly ManifestComponent[],
): Pick<ComponentsDraft, 'settings' | 'values'> {
  const settings: SettingsByComponent = {};
  const values: ValuesByComponent = {};
  for (const e of entries) {
    const id = e.id as ComponentId;
    if (nonEmpty(e.settings)) settings[id] = { ...e.settings };
    if (nonEmpty(e.values)) values[id] = e.values;
  }
  return present(settings, values);
}

/** A manifest component's settings and values, by id (for the renderer and capacity). */
export function manifestConfigOf(
  entries: readonly ManifestComponent[],
  id: ComponentId,
): { settings: ManifestComponent['settings']; values: ManifestComponent['values'] } {
  const e = entries.find((c) => c.id === id);
  return { settings: e?.settings, values: e?.values };
}
