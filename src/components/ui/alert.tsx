import type { HTMLAttributes } from 'react';
import { cva, type VariantProps } from 'class-variance-authority';
import { cn } from './cn';

export const alertVariants = cva('rounded-lg border-l-4 bg-surface p-4 text-sm', {
  variants: {
    tone: {
      info: 'border-accent',
      ok: 'border-ok',
      warn: 'border-warn',
      danger: 'border-danger',
    },
  },
  defaultVariants: { tone: 'info' },
});

export type AlertProps = HTMLAttributes<HTMLDivElement> & VariantProps<typeof alertVariants>;

/** A callout box; pass role="alert" when it reports something the user must act on now. */
export function Alert({ className, tone, ...props }: AlertProps) {
  return <div className={cn(alertVariants({ tone }), className)} {...props} />;
}
