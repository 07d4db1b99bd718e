// Pure helpers over the settings table (constants/component-settings.ts): defaults, what differs
// from them, the chart values a component's settings map to, the deep merge that overlays them,
// and how a setting reads on Review ("instances 3 → 5").
import { COMPONENT_SETTINGS } from '../constants/component-settings';
import { isComponentId, type ComponentId } from '../constants/components';
import type { SettingField, SettingValue } from '../constants/settings-types';

/** A component's settings as the manifest and the draft hold them: key → value. */
export type ComponentSettings = Readonly<Record<string, SettingValue>>;
/** Chart values: a plain JSON-like object. */
export type ChartValues = Record<string, unknown>;

/** The fields of a component (none for an unknown id). */
export function settingFields(id: string): readonly SettingField[] {
  return isComponentId(id) ? COMPONENT_SETTINGS[id] : [];
}

/** One field of a component by key. */
export function settingField(id: string, key: string): SettingField | undefined {
  return settingFields(id).find((f) => f.key === key);
}

/** The value a field has: the setting when given, else its default. */
export function settingValue(field: SettingField, settings: ComponentSettings = {}): SettingValue {
  return Object.hasOwn(settings, field.key) ? settings[field.key]! : field.default;
}

/** The settings that differ from their field's default (unknown keys are kept, to be refused). */
export function changedSettings(id: string, settings: ComponentSettings = {}): ComponentSettings {
  const out: Record<string, SettingValue> = {};
  for (const [key, value] of Object.entries(settings)) {
    const field = settingField(id, key);
    if (!field || field.default !== value) out[key] = value;
  }
  return out;
}

export const isPlainObject = (v: unknown): v is ChartValues =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `b` over `a`: objects merge key by key, anything else (arrays too) in `b` replaces. */
export function deepMerge(a: ChartValues, b: ChartValues): ChartValues {
  const out: ChartValues = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(value) ? deepMerge(prev, value) : value;
  }
  return out;
}

/**
 * Like deepMerge, but a list merges item by item: a setting's path `modelSpec[0].replicaCount`
 * changes one key of the default list's first item instead of replacing the list.
 */
function mergeByIndex(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) {
    const out = [...a];
    b.forEach((item, i) => {
      if (item !== undefined) out[i] = mergeByIndex(a[i], item);
    });
    return out;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const out: ChartValues = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = mergeByIndex(a[key], value);
    return out;
  }
  return b;
}

type Segment = string | number;

/** `a.b[0].c` → ['a', 'b', 0, 'c']; `\.` keeps a dot inside a key (`grafana\.ini.server`). */
export function parseValuesPath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split(/(?<!\\)\./)) {
    const m = /^(.*?)((\[\d+\])*)$/.exec(part)!;
    if (m[1]) out.push(m[1].replace(/\\\./g, '.'));
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** A fresh value tree holding `value` at `path` (arrays where the path has an index). */
function nested(path: readonly Segment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list: unknown[] = Array.from({ length: head + 1 }, () => ({}));
    list[head] = nested(rest, value);
    return list;
  }
  return { [head!]: nested(rest, value) };
}

/** Overlays `value` at `path` on `tree` (arrays on the path are merged element by element). */
function setIn(tree: unknown, path: readonly Segment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(tree) ? [...(tree as unknown[])] : [];
    while (list.length <= head) list.push({});
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const obj = isPlainObject(tree) ? { ...tree } : {};
  obj[head!] = Object.hasOwn(obj, head!) ? setIn(obj[head!], rest, value) : nested(rest, value);
  return obj;
}

/** The chart values one field's value maps to. */
export function fieldValues(field: SettingField, value: SettingValue): ChartValues {
  let out: unknown = {};
  for (const t of field.targets) {
    const v = t.template ? t.template.replace('{}', String(value)) : value;
    out = setIn(out, parseValuesPath(t.path), v);
  }
  return out as ChartValues;
}

/** The chart values of the given settings (unknown keys ignored), in field order. */
export function settingsValues(id: string, settings: ComponentSettings = {}): ChartValues {
  let out: ChartValues = {};
  for (const field of settingFields(id)) {
    if (Object.hasOwn(settings, field.key))
      out = mergeLists(out, fieldValues(field, settings[field.key]!));
  }
  return out;
}

/** Like deepMerge, but arrays merge element by element (several fields into one list entry). */
function mergeLists(a: ChartValues, b: ChartValues): ChartValues {
  const out: ChartValues = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    if (isPlainObject(prev) && isPlainObject(value)) out[key] = mergeLists(prev, value);
    else if (Array.isArray(prev) && Array.isArray(value))
      out[key] = value.map((v, i) =>
        isPlainObject(prev[i]) && isPlainObject(v) ? mergeLists(prev[i], v) : v,
      );
    else out[key] = value;
  }
  return out;
}

/** A release's values: the defaults, then the settings on their chart paths, then advanced values. */
export function overlayValues(
  id: ComponentId,
  defaults: ChartValues,
  settings: ComponentSettings | undefined,
  advanced: ChartValues | undefined,
): ChartValues {
  let out = defaults;
  if (settings && Object.keys(settings).length > 0)
    out = mergeByIndex(out, settingsValues(id, settings)) as ChartValues;
  if (advanced && Object.keys(advanced).length > 0) out = deepMerge(out, advanced);
  return out;
}

/** How a value reads: `20Gi`, `250m`, `on`, `(derived)` for an empty derived string. */
export function formatSetting(field: SettingField, value: SettingValue): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (value === '') return '(default)';
  if (
    (field.type === 'integer' || field.type === 'number') &&
    field.unit &&
    typeof value === 'number'
  )
    return field.unit === 'm' ? `${value}m` : `${value} ${field.unit}`;
  return String(value);
}

export interface SettingChange {
  readonly key: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** What differs from the defaults, field by field, in table order. */
export function settingChanges(id: string, settings: ComponentSettings = {}): SettingChange[] {
  return settingFields(id)
    .filter((f) => Object.hasOwn(settings, f.key) && settings[f.key] !== f.default)
    .map((f) => ({
      key: f.key,
      label: f.label,
      from: formatSetting(f, f.default),
      to: formatSetting(f, settings[f.key]!),
    }));
}
