import type { ReactNode } from 'react';
import { cx } from '../ui/cx';

/** A titled group of fields on a step: a fieldset with a visible legend. */
export function FormSection({
  legend,
  description,
  className,
  children,
}: {
  legend: string;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={cx('space-y-4 rounded-lg border border-border bg-surface p-4 sm:p-5', className)}
    >
      <legend className="px-1 text-base font-semibold">{legend}</legend>
      {description ? <p className="text-sm text-fg-muted">{description}</p> : null}
      {children}
    </fieldset>
  );
}
