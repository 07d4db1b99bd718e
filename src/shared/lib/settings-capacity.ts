// How a component's settings move its resource requests. Every effect is a difference from the
// field's default, so a component at its defaults requests exactly its catalog figure; replicas
// scale a share of CPU and memory, per-replica fields count once per replica, features add what
// they run, presets give per-replica figures.
import type { SettingField } from '../constants/settings-types';
import { quantityGiB } from '../constants/settings-types';
import type { ResourceTotals } from './capacity';
import { settingFields, settingValue, type ComponentSettings } from './component-settings';

interface Delta {
  cpu: number;
  memory: number;
  storage: number;
}

/** A numeric reading of a setting (quantities in GiB, booleans 0/1), NaN when it is none. */
function numeric(field: SettingField, value: unknown): number {
  if (field.type === 'quantity') return typeof value === 'string' ? quantityGiB(value) : NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' ? value : NaN;
}

/** Count of the `per` replicas field: [current, default]; [1, 1] without one. */
function counts(
  fields: readonly SettingField[],
  s: ComponentSettings,
  per?: string,
): [number, number] {
  const f = per ? fields.find((x) => x.key === per) : undefined;
  if (!f) return [1, 1];
  const n = numeric(f, settingValue(f, s));
  return [Number.isFinite(n) ? n : numeric(f, f.default), numeric(f, f.default)];
}

/** Resources that a cpu/memory field of a replicas field already accounts for. */
function perReplicaCovered(fields: readonly SettingField[], key: string, role: 'cpu' | 'memory') {
  return fields.some(
    (f) =>
      (f.capacity?.role === role || f.capacity?.role === 'preset') &&
      'per' in f.capacity &&
      f.capacity.per === key,
  );
}

function fieldDelta(
  f: SettingField,
  fields: readonly SettingField[],
  s: ComponentSettings,
  base: ResourceTotals,
): Delta {
  const d: Delta = { cpu: 0, memory: 0, storage: 0 };
  const c = f.capacity;
  if (!c) return d;
  const raw = numeric(f, settingValue(f, s));
  const v = Number.isFinite(raw) ? raw : numeric(f, f.default);
  const v0 = numeric(f, f.default);
  if (c.role === 'replicas') {
    const ratio = v0 > 0 ? v / v0 - 1 : v;
    if (!perReplicaCovered(fields, f.key, 'cpu')) d.cpu = base.cpuMillicores * c.share * ratio;
    if (!perReplicaCovered(fields, f.key, 'memory')) d.memory = base.memoryMiB * c.share * ratio;
  } else if (c.role === 'feature') {
    d.cpu = (c.cpuMillicores ?? 0) * (v - v0);
    d.memory = (c.memoryMiB ?? 0) * (v - v0);
    d.storage = (c.storageGiB ?? 0) * (v - v0);
  } else if (c.role === 'preset') {
    const [n, n0] = counts(fields, s, c.per);
    const p = c.presets[String(settingValue(f, s))] ?? c.presets[String(f.default)]!;
    const p0 = c.presets[String(f.default)]!;
    d.cpu = p.cpu * n - p0.cpu * n0;
    d.memory = p.memory * n - p0.memory * n0;
  } else {
    const [n, n0] = counts(fields, s, c.per);
    const k = c.count ?? 1;
    const diff = (v * n - v0 * n0) * k;
    if (c.role === 'cpu') d.cpu = diff;
    else if (c.role === 'memory') d.memory = diff;
    else d.storage = diff;
  }
  return d;
}

/** A component's requests with its settings applied (never below zero, whole units). */
export function resourcesWithSettings(
  id: string,
  base: ResourceTotals,
  settings: ComponentSettings | undefined,
): ResourceTotals {
  if (!settings || Object.keys(settings).length === 0) return base;
  const fields = settingFields(id);
  let cpu = base.cpuMillicores;
  let memory = base.memoryMiB;
  let storage = base.storageGiB;
  for (const f of fields) {
    const d = fieldDelta(f, fields, settings, base);
    cpu += d.cpu;
    memory += d.memory;
    storage += d.storage;
  }
  return {
    cpuMillicores: Math.max(0, Math.round(cpu)),
    memoryMiB: Math.max(0, Math.round(memory)),
    storageGiB: Math.max(0, Math.round(storage * 10) / 10),
  };
}
