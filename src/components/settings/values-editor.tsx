// "Advanced: chart values (YAML)": any other chart value, merged over the defaults and the
// settings. The text is kept as typed (per component, while the page lives) and judged as YAML
// of a mapping, then, where the chart publishes a values schema, the merged values against it
// (the validator loads with the editor); only values that pass reach the draft. Secrets are
// refused: they stay secretRefs.
import { useEffect, useMemo, useState } from 'react';
import { parse, stringify } from 'yaml';
import { loadChartValidator } from '../../shared/chart-schemas/browser-validators';
import { CHART_SCHEMAS } from '../../shared/chart-schemas/index';
import type { ComponentId } from '../../shared/constants/components';
import {
  chartValuesProblems,
  type ChartValuesValidator,
} from '../../shared/lib/chart-values-check';
import { isPlainObject, type ChartValues } from '../../shared/lib/component-settings';
import { fieldId } from '../../shared/lib/draft-defaults';
import { buildManifest } from '../../shared/lib/manifest/build';
import type { Draft } from '../../shared/schemas/draft';
import { componentConfigProblems } from '../../shared/lib/manifest/component-config';
import { useDraftStore } from '../../shared/store/draft-store';
import { FieldError, controlClass } from '../ui/field';

/** What each component's editor held, so closing and reopening the panel keeps it. */
const typed = new Map<string, string>();

type Judged = { ok: true; values: ChartValues } | { ok: false; message: string };

/** The text as chart values, or the problem with it. */
export function judgeValuesText(id: ComponentId, text: string): Judged {
  if (text.trim() === '') return { ok: true, values: {} };
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return { ok: false, message: `Chart values: not valid YAML (${first})` };
  }
  if (data === null || data === undefined) return { ok: true, values: {} };
  if (!isPlainObject(data))
    return { ok: false, message: 'Chart values: a mapping of keys, such as "replicaCount: 2"' };
  const secret = componentConfigProblems(id, { values: data }, 'values')[0];
  if (secret) return { ok: false, message: `Chart values: ${secret.path}: ${secret.message}` };
  return { ok: true, values: data };
}

/** The first value of the merged release values (with `values` as advanced values) the schema refuses. */
export function schemaProblem(
  draft: Draft,
  id: ComponentId,
  values: ChartValues,
  validate: ChartValuesValidator,
): string | null {
  const all = { ...draft.components.values, [id]: values };
  const next = { ...draft, components: { ...draft.components, values: all } };
  const p = chartValuesProblems(buildManifest(next), () => validate, id)[0];
  return p
    ? `Chart values: ${p.path.replace(/^spec\.components\[\d+\]\./, '')}: ${p.message}`
    : null;
}

/** The text judged as YAML, then (once the validator is loaded) the merged values by the schema. */
function judgeMerged(
  draft: Draft,
  id: ComponentId,
  text: string,
  validate: ChartValuesValidator | null,
): Judged {
  const r = judgeValuesText(id, text);
  const refused = r.ok && validate ? schemaProblem(draft, id, r.values, validate) : null;
  return refused ? { ok: false, message: refused } : r;
}

/** The chart's values validator once loaded (null before, and when the chart has no schema). */
function useChartValidator(id: ComponentId): ChartValuesValidator | null {
  const [loaded, setLoaded] = useState<{ id: ComponentId; fn: ChartValuesValidator | null }>();
  useEffect(() => {
    let live = true;
    loadChartValidator(id)
      .catch(() => null)
      .then((fn) => live && setLoaded({ id, fn }));
    return () => {
      live = false;
    };
  }, [id]);
  return loaded?.id === id ? loaded.fn : null;
}

export interface ValuesEditorProps {
  id: ComponentId;
  values: ChartValues | undefined;
  onChange: (values: ChartValues) => void;
}

/** The YAML textarea, validated as it is typed. */
export function ValuesEditor({ id, values, onChange }: ValuesEditorProps) {
  const initial = typed.get(id) ?? (values && Object.keys(values).length ? stringify(values) : '');
  const [text, setText] = useState(initial);
  const draft = useDraftStore((s) => s.draft);
  const validate = useChartValidator(id);
  const judge = (t: string) => judgeMerged(draft, id, t, validate);
  const judged = useMemo(() => judgeMerged(draft, id, text, validate), [draft, id, text, validate]);
  const schema = CHART_SCHEMAS[id];
  const inputId = fieldId(`components.values.${id}`);
  const errorId = judged.ok ? undefined : `${inputId}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium">
        Advanced: chart values (YAML)
      </label>
      <textarea
        id={inputId}
        rows={5}
        spellCheck={false}
        value={text}
        aria-invalid={judged.ok ? undefined : true}
        aria-describedby={[errorId, `${inputId}-hint`].filter(Boolean).join(' ')}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          typed.set(id, next);
          const r = judge(next);
          if (r.ok) onChange(r.values);
        }}
        className={`${controlClass} font-mono text-xs`}
      />
      <p id={`${inputId}-hint`} className="text-xs text-fg-muted">
        Merged over the defaults and the settings above; lists replace, mappings merge.
        {schema && ` Checked against the values schema of ${schema.chart} ${schema.version}.`}
      </p>
      <FieldError id={errorId} message={judged.ok ? undefined : judged.message} />
    </div>
  );
}
