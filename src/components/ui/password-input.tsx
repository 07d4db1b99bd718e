import { useState, type InputHTMLAttributes } from 'react';
import { Button } from './button';
import { Input } from './field';

export type PasswordInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  id: string;
};

/** A secret input with a Show/Hide toggle; the browser is asked not to remember it. */
export function PasswordInput({ id, ...props }: PasswordInputProps) {
  const [shown, setShown] = useState(false);
  return (
    <div className="flex gap-2">
      <Input
        id={id}
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
        {...props}
      />
      <Button size="md" aria-controls={id} aria-pressed={shown} onClick={() => setShown((s) => !s)}>
        {shown ? 'Hide' : 'Show'}
      </Button>
    </div>
  );
}
