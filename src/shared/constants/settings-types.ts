// The shape of a component's settings table (component-settings.ts): typed fields, each with a
// default, a range, one line of help, the chart values it maps to and how it moves capacity.
// Zod-free: the schemas are derived from the table in schemas/component-settings.ts.

/** What a setting holds in the manifest and the draft. */
export type SettingValue = string | number | boolean;

/** Where a value goes in the chart's values: a dotted path (`a.b[0].c`), optionally templated (`{}m`). */
export interface ValueTarget {
  readonly path: string;
  /** `{}` is replaced by the value (`https://{}`, `{}Mi`); absent: the value as it is. */
  readonly template?: string;
}

/**
 * How a field moves the capacity totals (all as differences from the field's default, so a
 * component at its defaults requests exactly its catalog figure):
 * - `replicas`: `share` of the component's CPU and memory scales with the count (unless cpu or
 *   memory fields give the per-replica figure with `per`);
 * - `cpu` / `memory` / `storage`: per replica of the field `per` (or `count` copies, e.g. a
 *   DaemonSet on 3 nodes, or one);
 * - `feature`: what switching it on adds;
 * - `preset`: per replica figures of each enum option (bitnami resourcesPreset).
 */
export type SettingCapacity =
  | { readonly role: 'replicas'; readonly share: number }
  | { readonly role: 'cpu' | 'memory' | 'storage'; readonly per?: string; readonly count?: number }
  | {
      readonly role: 'feature';
      readonly cpuMillicores?: number;
      readonly memoryMiB?: number;
      readonly storageGiB?: number;
    }
  | {
      readonly role: 'preset';
      readonly per?: string;
      readonly presets: Readonly<Record<string, { cpu: number; memory: number }>>;
    };

interface FieldBase {
  /** The key in `spec.components[].settings`. */
  readonly key: string;
  readonly label: string;
  readonly help: string;
  readonly targets: readonly ValueTarget[];
  /**
   * True when the target paths were read off the installed chart's values.yaml (or the
   * upstream Blueprint); false where the path is where that chart is believed to read it.
   */
  readonly verified: boolean;
  readonly capacity?: SettingCapacity;
}

export interface IntegerField extends FieldBase {
  readonly type: 'integer';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit?: string;
}

export interface NumberField extends FieldBase {
  readonly type: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly unit?: string;
}

export interface StringField extends FieldBase {
  readonly type: 'string';
  /** '' for a value derived at render time (the help says from what). */
  readonly default: string;
  readonly pattern: RegExp;
  /** What the pattern asks for, as the end of "Hostname: …". */
  readonly patternHint: string;
  readonly maxLength: number;
}

export interface BooleanField extends FieldBase {
  readonly type: 'boolean';
  readonly default: boolean;
}

export interface EnumField extends FieldBase {
  readonly type: 'enum';
  readonly default: string;
  readonly options: readonly string[];
}

/** A Kubernetes quantity of bytes (`20Gi`, `512Mi`, `1Ti`), its range in GiB. */
export interface QuantityField extends FieldBase {
  readonly type: 'quantity';
  readonly default: string;
  readonly minGiB: number;
  readonly maxGiB: number;
}

export type SettingField =
  IntegerField | NumberField | StringField | BooleanField | EnumField | QuantityField;

/** `20Gi`, `512Mi`, `1Ti`: whole numbers of Mi, Gi or Ti. */
export const QUANTITY_PATTERN = /^([1-9]\d{0,6})(Mi|Gi|Ti)$/;

/** A quantity in GiB, or NaN when it is none. */
export function quantityGiB(q: string): number {
  const m = QUANTITY_PATTERN.exec(q);
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'Mi' ? n / 1024 : m[2] === 'Ti' ? n * 1024 : n;
}
