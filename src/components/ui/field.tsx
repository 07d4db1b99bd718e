import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { cx } from './cx';

/** Shared look of text-like controls: border, focus ring, invalid state. */
export const controlClass =
  'block w-full rounded-md border border-border bg-surface px-3 py-2 text-fg placeholder:text-fg-muted focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-focus aria-invalid:border-danger disabled:opacity-50';

/** The props a Field hands to its control so label, hint and error are wired up. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Announce the error at once (role="alert"), for one the user did not ask for by pressing Next. */
  alert?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A label, the control, an optional hint and an error message tied to the control by id. */
export function Field({ id, label, hint, error, alert, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p id={hintId} className="text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} alert={alert} />
    </div>
  );
}

/** The error line under a control or a group; renders nothing without a message. */
export function FieldError({
  id,
  message,
  alert,
}: {
  id: string | undefined;
  message?: string | undefined;
  alert?: boolean | undefined;
}) {
  if (!message) return null;
  return (
    <p id={id} role={alert ? 'alert' : undefined} className="text-sm font-medium text-danger">
      {message}
    </p>
  );
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cx(controlClass, 'text-sm', className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cx(controlClass, 'font-mono text-xs', className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cx(controlClass, 'text-sm', className)} {...props} />;
}
