// fast-check arbitraries of setting values: any value a field's own schema accepts.
import fc from 'fast-check';
import type { SettingField, SettingValue } from '../../../src/shared/constants/settings-types';

/** A value within a field's schema. */
export function settingValueOf(f: SettingField): fc.Arbitrary<SettingValue> {
  switch (f.type) {
    case 'integer':
      return fc.integer({ min: f.min, max: f.max });
    case 'number':
      return fc
        .integer({ min: Math.ceil(f.min * 100), max: Math.floor(f.max * 100) })
        .map((n) => n / 100);
    case 'quantity':
      return fc.integer({ min: Math.ceil(f.minGiB), max: f.maxGiB }).map((n) => `${n}Gi`);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...f.options);
    case 'string':
      return f.default === ''
        ? fc.constantFrom('app.acme.example', 'x1.example.org')
        : fc.constant(f.default);
  }
}
