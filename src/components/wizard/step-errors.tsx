import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { FieldError } from '../../shared/lib/draft-defaults';

/** The current step's problems, shown once the user has tried to leave it. */
export interface StepErrors {
  errors: readonly FieldError[];
}

const StepErrorsContext = createContext<StepErrors>({ errors: [] });

export function StepErrorsProvider({
  errors,
  children,
}: {
  errors: readonly FieldError[];
  children: ReactNode;
}) {
  // A new value only when the errors change: every field reads this context.
  const value = useMemo(() => ({ errors }), [errors]);
  return <StepErrorsContext value={value}>{children}</StepErrorsContext>;
}

/** Every problem to show on the current step (empty until Next was pressed). */
export function useStepErrors(): readonly FieldError[] {
  return useContext(StepErrorsContext).errors;
}

/** The message to show under the field at a draft path, if any. */
export function useFieldError(path: string): string | undefined {
  return useStepErrors().find((e) => e.path === path)?.message;
}
