// Review's list of what differs from the defaults: per component, each changed setting as
// "from → to" and whether it has advanced chart values.
import { useMemo } from 'react';
import { isComponentId, type ComponentId } from '../../shared/constants/components';
import { settingChanges } from '../../shared/lib/component-settings';
import { useDraftStore } from '../../shared/store/draft-store';

/** One line per changed component: "cnpg: Instances 3 → 5, Storage 20Gi → 100Gi". */
export function changeLines(
  settings: Partial<Record<ComponentId, Record<string, unknown>>> | undefined,
  values: Partial<Record<ComponentId, Record<string, unknown>>> | undefined,
  installed: ReadonlySet<ComponentId>,
): string[] {
  const ids = new Set([...Object.keys(settings ?? {}), ...Object.keys(values ?? {})]);
  const lines: string[] = [];
  for (const id of [...ids].sort()) {
    if (!isComponentId(id) || !installed.has(id)) continue;
    const parts = settingChanges(id, (settings?.[id] ?? {}) as Record<string, string>).map(
      (c) => `${c.label} ${c.from} → ${c.to}`,
    );
    const v = values?.[id];
    if (v && Object.keys(v).length) parts.push(`chart values ${Object.keys(v).sort().join(', ')}`);
    if (parts.length) lines.push(`${id}: ${parts.join(', ')}`);
  }
  return lines;
}

export function SettingsChanges({ installed }: { installed: ReadonlySet<ComponentId> }) {
  const settings = useDraftStore((s) => s.draft.components.settings);
  const values = useDraftStore((s) => s.draft.components.values);
  const lines = useMemo(
    () => changeLines(settings, values, installed),
    [settings, values, installed],
  );
  return (
    <section aria-labelledby="review-settings" className="space-y-1">
      <h3 id="review-settings" className="text-base font-semibold">
        Changed settings
      </h3>
      {lines.length === 0 ? (
        <p className="text-sm text-fg-muted">Every component at its defaults.</p>
      ) : (
        <ul className="list-disc space-y-0.5 pl-5 text-sm">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
