import { useState, type ClipboardEvent, type DragEvent, type ReactNode } from 'react';
import { Field, type ControlProps } from '../ui/field';
import { fieldId } from '../../shared/lib/draft-defaults';
import { isPrivateKey, PRIVATE_KEY_MESSAGE } from '../../shared/lib/private-key';
import { useFieldError } from './step-errors';

/** The control's props, plus the paste and drop guard that keeps private keys out. */
export interface DraftControlProps extends ControlProps {
  onPaste: (e: ClipboardEvent<HTMLElement>) => void;
  onDrop: (e: DragEvent<HTMLElement>) => void;
}

/**
 * `value`, or '' when it holds a private key (the field then says so): what a change handler
 * stores, so a key that arrived some other way than a paste is cleared at once, never kept.
 */
export type KeepValue = (value: string) => string;

export interface DraftFieldProps {
  /** The draft path, e.g. 'infrastructure.organization.name'; sets the control's id. */
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  /** A problem shown at once, before Next (e.g. a number out of range): the value is refused. */
  liveError?: string | undefined;
  children: (control: DraftControlProps, keep: KeepValue) => ReactNode;
}

/**
 * A Field bound to a draft path: its id is fieldId(path) and its error comes from the step. A
 * private key pasted or dropped into it never lands ("This is a private key; paste the .pub file").
 */
export function DraftField({ path, children, liveError, ...props }: DraftFieldProps) {
  const stepError = useFieldError(path);
  const [refused, setRefused] = useState(false);
  const keep: KeepValue = (value) => {
    const bad = isPrivateKey(value);
    setRefused(bad);
    return bad ? '' : value;
  };
  const refuse = (text: string, e: { preventDefault(): void }) => {
    if (!isPrivateKey(text)) return;
    e.preventDefault();
    setRefused(true);
  };
  return (
    <Field
      id={fieldId(path)}
      error={refused ? PRIVATE_KEY_MESSAGE : (stepError ?? liveError)}
      alert={refused || (!stepError && liveError !== undefined)}
      {...props}
    >
      {(control) =>
        children(
          {
            ...control,
            onPaste: (e) => refuse(e.clipboardData.getData('text'), e),
            onDrop: (e) => refuse(e.dataTransfer.getData('text'), e),
          },
          keep,
        )
      }
    </Field>
  );
}
