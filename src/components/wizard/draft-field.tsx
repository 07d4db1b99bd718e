import type { ReactNode } from 'react';
import { Field, type ControlProps } from '../ui/field';
import { fieldId } from '../../shared/lib/draft-defaults';
import { useFieldError } from './step-errors';

export interface DraftFieldProps {
  /** The draft path, e.g. 'infrastructure.organization.name'; sets the control's id. */
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A Field bound to a draft path: its id is fieldId(path) and its error comes from the step. */
export function DraftField({ path, ...props }: DraftFieldProps) {
  return <Field id={fieldId(path)} error={useFieldError(path)} {...props} />;
}
