// "Advanced: chart values (YAML)": any other chart value, merged over the defaults and the
// settings. The text is kept as typed (per component, while the page lives) and judged as YAML
// of a mapping; only a valid mapping reaches the draft. Secrets are refused: they stay secretRefs.
import { useState } from 'react';
import { parse, stringify } from 'yaml';
import type { ComponentId } from '../../shared/constants/components';
import { isPlainObject, type ChartValues } from '../../shared/lib/component-settings';
import { componentConfigProblems } from '../../shared/schemas/component-config-check';
import { FieldError, controlClass } from '../ui/field';

/** What each component's editor held, so closing and reopening the panel keeps it. */
const typed = new Map<string, string>();

/** The text as chart values, or the problem with it. */
export function judgeValuesText(
  id: ComponentId,
  text: string,
): { ok: true; values: ChartValues } | { ok: false; message: string } {
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

export interface ValuesEditorProps {
  id: ComponentId;
  values: ChartValues | undefined;
  onChange: (values: ChartValues) => void;
}

/** The YAML textarea, validated as it is typed. */
export function ValuesEditor({ id, values, onChange }: ValuesEditorProps) {
  const initial = typed.get(id) ?? (values && Object.keys(values).length ? stringify(values) : '');
  const [text, setText] = useState(initial);
  const judged = judgeValuesText(id, text);
  const inputId = `values-${id}`;
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
          const r = judgeValuesText(id, next);
          if (r.ok) onChange(r.values);
        }}
        className={`${controlClass} font-mono text-xs`}
      />
      <p id={`${inputId}-hint`} className="text-xs text-fg-muted">
        Merged over the defaults and the settings above; lists replace, mappings merge.
      </p>
      <FieldError id={errorId} message={judged.ok ? undefined : judged.message} />
    </div>
  );
}
