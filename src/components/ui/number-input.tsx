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
