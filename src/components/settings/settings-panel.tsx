// A component's settings, loaded on demand: the form generated from its settings table, the
// advanced values editor and the release's merged values (read-only), as the GitOps tree will
// carry them on the first cluster that runs it.
import { useEffect, useMemo, useRef } from 'react';
import { useLocation } from 'react-router';
import { stringify } from 'yaml';
import { COMPONENT_SETTINGS } from '../../shared/constants/component-settings';
import { getComponent, type ComponentId } from '../../shared/constants/components';
import type { SettingValue } from '../../shared/constants/settings-types';
import type { ChartValues } from '../../shared/lib/component-settings';
import { releaseContext } from '../../shared/lib/flux/release-context';
import { componentValues } from '../../shared/lib/flux/values';
import { buildManifest } from '../../shared/lib/manifest/build';
import { planManifest } from '../../shared/lib/placement';
import type { Draft } from '../../shared/schemas/draft';
import { useDraftStore } from '../../shared/store/draft-store';
import { SettingInput } from './setting-input';
import { ValuesEditor } from './values-editor';

export interface SettingsPanelProps {
  id: ComponentId;
}

/** The values of the component's release on the first cluster that runs it, as YAML. */
export function mergedValuesYaml(draft: Draft, id: ComponentId): string | null {
  const manifest = buildManifest(draft);
  const plan = planManifest(manifest);
  const cluster = plan.clusters.find((c) => c.components.includes(id));
  if (!cluster) return null;
  const { values } = componentValues(id, releaseContext(manifest, plan, cluster));
  return Object.keys(values).length ? stringify(values) : '{}\n';
}

/** The settings without `key`, or with `key` set to `value` (a default clears it). */
function nextSettings(
  current: Readonly<Record<string, SettingValue>>,
  key: string,
  value: SettingValue | undefined,
  fallback: SettingValue,
): Record<string, SettingValue> {
  const out = { ...current };
  if (value === undefined || value === fallback) delete out[key];
  else out[key] = value;
  return out;
}

function MergedValues({ id }: SettingsPanelProps) {
  const draft = useDraftStore((s) => s.draft);
  const yaml = useMemo(() => mergedValuesYaml(draft, id), [draft, id]);
  return (
    <div className="flex flex-col gap-1">
      <h4 className="text-sm font-medium" id={`merged-${id}`}>
        Merged chart values
      </h4>
      {yaml === null ? (
        <p className="text-xs text-fg-muted">No cluster of this Sovereign runs it.</p>
      ) : (
        <pre
          aria-labelledby={`merged-${id}`}
          className="rounded-md bg-muted p-2 font-mono text-xs break-all whitespace-pre-wrap"
        >
          {yaml}
        </pre>
      )}
    </div>
  );
}

/** The settings form of one component. */
export function SettingsPanel({ id }: SettingsPanelProps) {
  const settings = useDraftStore((s) => s.draft.components.settings?.[id]) ?? {};
  const values = useDraftStore((s) => s.draft.components.values?.[id]);
  const setConfig = useDraftStore((s) => s.setComponentConfig);
  const fields = COMPONENT_SETTINGS[id];
  const name = getComponent(id).name;
  const ref = useRef<HTMLElement>(null);
  const { hash } = useLocation();
  // A link to one of its fields opened the panel after the page focused nothing: focus it now.
  useEffect(() => {
    const target = hash ? document.getElementById(hash.slice(1)) : null;
    if (target && ref.current?.contains(target)) target.focus();
  }, [hash]);
  return (
    <section ref={ref} aria-label={`${name} settings`} className="flex flex-col gap-3 pt-2">
      {fields.length === 0 && (
        <p className="text-sm text-fg-muted">{name} has no settings of its own.</p>
      )}
      {fields.map((f) => (
        <SettingInput
          key={f.key}
          componentId={id}
          field={f}
          value={Object.hasOwn(settings, f.key) ? settings[f.key] : undefined}
          onChange={(v) => setConfig(id, 'settings', nextSettings(settings, f.key, v, f.default))}
        />
      ))}
      <ValuesEditor
        id={id}
        values={values}
        onChange={(v: ChartValues) => setConfig(id, 'values', v)}
      />
      <MergedValues id={id} />
    </section>
  );
}

export default SettingsPanel;
