// The zod schemas of component settings, derived from the settings table: one object schema per
// component, one schema per field, each message naming the field. zod/mini, like the draft, so
// the wizard's validation and the manifest's share them (schemas/manifest.ts embeds them).
import * as z from 'zod/mini';
import type { ComponentId } from '../constants/components';
import { QUANTITY_PATTERN, quantityGiB, type SettingField } from '../constants/settings-types';
import { settingFields } from '../lib/component-settings';

type Schema = z.ZodMiniType<unknown>;

function numberSchema(f: SettingField & { type: 'integer' | 'number' }): Schema {
  const checks = [
    z.gte(f.min, `${f.label} must be at least ${f.min}`),
    z.lte(f.max, `${f.label} must be at most ${f.max}`),
  ];
  const n = z.number({ error: `${f.label}: enter a number` });
  return f.type === 'integer'
    ? n.check(z.int(`${f.label} must be a whole number`), ...checks)
    : n.check(...checks);
}

function quantitySchema(f: SettingField & { type: 'quantity' }): Schema {
  return z.string({ error: `${f.label}: enter a size such as ${f.default}` }).check(
    z.regex(QUANTITY_PATTERN, `${f.label}: a size such as ${f.default} (Mi, Gi or Ti)`),
    z.refine((q) => !QUANTITY_PATTERN.test(q) || quantityGiB(q) >= f.minGiB, {
      message: `${f.label} must be at least ${f.minGiB}Gi`,
    }),
    z.refine((q) => !QUANTITY_PATTERN.test(q) || quantityGiB(q) <= f.maxGiB, {
      message: `${f.label} must be at most ${f.maxGiB}Gi`,
    }),
  );
}

/** The schema of one field's value. */
export function fieldSchema(f: SettingField): Schema {
  switch (f.type) {
    case 'integer':
    case 'number':
      return numberSchema(f);
    case 'quantity':
      return quantitySchema(f);
    case 'boolean':
      return z.boolean({ error: `${f.label}: on or off` });
    case 'enum':
      return z.enum(f.options as [string, ...string[]], {
        error: `${f.label}: one of ${f.options.join(', ')}`,
      });
    case 'string':
      return z.string({ error: `${f.label}: enter text` }).check(
        z.maxLength(f.maxLength, `${f.label}: at most ${f.maxLength} characters`),
        z.refine((s) => (s === '' && f.default === '') || f.pattern.test(s), {
          message: `${f.label}: ${f.patternHint}`,
        }),
      );
  }
}

const cache = new Map<string, Schema>();

/** The settings object of a component: known keys only, each optional and judged by its field. */
export function componentSettingsSchema(id: ComponentId | string): Schema {
  let s = cache.get(id);
  if (!s) {
    const shape = Object.fromEntries(
      settingFields(id).map((f) => [f.key, z.optional(fieldSchema(f))]),
    );
    s = z.strictObject(shape, {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `unknown setting ${iss.keys.map((k) => `"${k}"`).join(', ')} for "${id}"`
          : undefined,
    });
    cache.set(id, s);
  }
  return s;
}

/** One problem with a setting: the key (or '' for the object) and a message naming the field. */
export interface SettingProblem {
  readonly key: string;
  readonly message: string;
}

/** Every problem with a component's settings. */
export function settingsProblems(id: string, settings: unknown): SettingProblem[] {
  const r = componentSettingsSchema(id).safeParse(settings);
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    key: i.path.map(String).join('.'),
    message: i.message,
  }));
}

/** Judges one field's value: the value when it fits, else the message. */
export function judgeSetting(
  f: SettingField,
  value: unknown,
): { ok: true } | { ok: false; message: string } {
  const r = fieldSchema(f).safeParse(value);
  return r.success ? { ok: true } : { ok: false, message: r.error.issues[0]?.message ?? 'invalid' };
}
