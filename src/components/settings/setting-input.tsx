// One setting of a component as a form control chosen by its field's type. The typed text is
// kept as typed (a number field holds "12a" until the user fixes it) and judged by the field's
// schema; the error names the field. A value equal to the default is no setting at all.
import { useState } from 'react';
import type { SettingField, SettingValue } from '../../shared/constants/settings-types';
import { fieldId } from '../../shared/lib/draft-defaults';
import { formatSetting } from '../../shared/lib/component-settings';
import { settingPath } from '../../shared/lib/settings-errors';
import { judgeSetting } from '../../shared/schemas/component-settings';
import { Button } from '../ui/button';
import { Field, controlClass } from '../ui/field';

export interface SettingInputProps {
  componentId: string;
  field: SettingField;
  /** The setting, or undefined when the field is at its default. */
  value: SettingValue | undefined;
  /** A new value (the default clears the setting), or undefined to reset it. */
  onChange: (value: SettingValue | undefined) => void;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** What a typed text means for a field: a number where it reads as one, else the text itself. */
export function readTyped(field: SettingField, text: string): SettingValue {
  if (field.type === 'integer' || field.type === 'number')
    return NUMBER.test(text.trim()) ? Number(text.trim()) : text;
  return text;
}

function rangeHint(f: SettingField): string {
  if (f.type === 'integer' || f.type === 'number')
    return `${f.min}–${f.max}${f.unit ? ` ${f.unit}` : ''}`;
  if (f.type === 'quantity') return `${f.minGiB}Gi–${f.maxGiB}Gi`;
  return '';
}

/** The label with the unit, and the help line with range, default and where it goes. */
function describe(f: SettingField) {
  const range = rangeHint(f);
  const label =
    f.type === 'integer' || f.type === 'number'
      ? f.unit
        ? `${f.label} (${f.unit})`
        : f.label
      : f.label;
  const hint = [
    f.help,
    range && `Range ${range}.`,
    `Default ${formatSetting(f, f.default)}.`,
    f.targets.length === 0
      ? 'No chart value.'
      : `Chart value ${f.targets.map((t) => t.path).join(', ')}${f.verified ? '' : ' (unverified)'}.`,
  ]
    .filter(Boolean)
    .join(' ');
  return { label, hint };
}

/** A text-like control whose raw text survives whatever it holds. */
function TextControl({
  field,
  value,
  onChange,
  control,
}: Omit<SettingInputProps, 'componentId'> & { control: object }) {
  const shown = value === undefined ? String(field.default) : String(value);
  const [text, setText] = useState(shown);
  const display = readTyped(field, text) === (value ?? field.default) ? text : shown;
  return (
    <input
      {...control}
      type="text"
      inputMode={
        field.type === 'integer' ? 'numeric' : field.type === 'number' ? 'decimal' : 'text'
      }
      spellCheck={false}
      autoComplete="off"
      value={display}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(readTyped(field, e.currentTarget.value));
      }}
      className={controlClass}
    />
  );
}

function Control(props: Omit<SettingInputProps, 'componentId'> & { control: object }) {
  const { field, value, onChange, control } = props;
  const current = value ?? field.default;
  if (field.type === 'boolean')
    return (
      <input
        {...control}
        type="checkbox"
        checked={current === true}
        onChange={(e) => onChange(e.currentTarget.checked)}
        className="size-4 accent-accent"
      />
    );
  if (field.type === 'enum')
    return (
      <select
        {...control}
        value={String(current)}
        onChange={(e) => onChange(e.currentTarget.value)}
        className={controlClass}
      >
        {field.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  return <TextControl {...props} />;
}

/** A setting's control with its label, help, inline error and "Reset to default". */
export function SettingInput({ componentId, field, value, onChange }: SettingInputProps) {
  const id = fieldId(settingPath(componentId, field.key));
  const judged = value === undefined ? { ok: true as const } : judgeSetting(field, value);
  const { label, hint } = describe(field);
  // A remount after a reset shows the default again rather than the text typed before.
  const [generation, setGeneration] = useState(0);
  return (
    <div className="flex items-start gap-2">
      <Field
        id={id}
        label={label}
        hint={hint}
        error={judged.ok ? undefined : judged.message}
        className="min-w-0 flex-1"
      >
        {(control) => (
          <Control
            key={generation}
            field={field}
            value={value}
            onChange={onChange}
            control={control}
          />
        )}
      </Field>
      <Button
        size="sm"
        variant="ghost"
        className="mt-6 shrink-0"
        disabled={value === undefined}
        aria-label={`Reset ${field.label} to default`}
        onClick={() => {
          onChange(undefined);
          setGeneration((g) => g + 1);
        }}
      >
        Reset to default
      </Button>
    </div>
  );
}
