// Field builders shared by the draft's step schemas (zod/mini).
import * as z from 'zod/mini';

/** One of the given ids. */
export const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

/** A whole number in [min, max], each problem starting with the field's label. */
export const intIn = (min: number, max: number, label: string) =>
  z
    .number({ error: `${label}: enter a whole number` })
    .check(
      z.int(`${label} must be a whole number`),
      z.gte(min, `${label} must be at least ${min}`),
      z.lte(max, `${label} must be at most ${max}`),
    );
