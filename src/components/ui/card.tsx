import type { HTMLAttributes } from 'react';
import { cx } from './cx';

/** A bordered surface that groups related content. */
export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div className={cx('rounded-lg border border-border bg-surface p-4', className)} {...props} />
  );
}
