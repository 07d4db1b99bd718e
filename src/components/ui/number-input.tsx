import type { InputHTMLAttributes } from 'react';
import { Input } from './field';

export interface NumberInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange'
> {
  value: number;
  onValueChange: (value: number) => void;
}

/** A whole-number input; an empty field reports NaN so validation can name it. */
export function NumberInput({ value, onValueChange, ...props }: NumberInputProps) {
  return (
    <Input
      type="number"
      inputMode="numeric"
      step={1}
      value={Number.isFinite(value) ? String(value) : ''}
      onChange={(e) => onValueChange(e.target.value === '' ? NaN : Number(e.target.value))}
      {...props}
    />
  );
}

/**
 * What is wrong with a typed whole number at once (before Next): not whole, or outside its range;
 * undefined when it fits or while the field is empty (Next names an empty field).
 */
export function rangeError(
  value: number,
  range: { readonly min: number; readonly max: number },
  label: string,
): string | undefined {
  if (Number.isNaN(value)) return undefined;
  if (!Number.isInteger(value)) return `${label} must be a whole number`;
  if (value < range.min) return `${label} must be at least ${range.min}`;
  if (value > range.max) return `${label} must be at most ${range.max}`;
  return undefined;
}
