import { useEffect, useRef } from 'react';
import type { ComponentId } from '../../shared/constants/components';
import { Button } from '../ui/button';
import { toggleId } from './component-card';
import { listNames, nameOf } from './component-status';
import type { PendingRemoval } from './use-component-toggle';

export interface RemovalDialogProps {
  /** The removal to confirm; the dialog is open while this is set. */
  pending: PendingRemoval | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a removal takes chosen components with it. A native modal <dialog>: it traps
 * focus and closes on Escape; on close, focus returns to the component's install toggle.
 */
export function RemovalDialog({ pending, onConfirm, onCancel }: RemovalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const lastId = useRef<ComponentId | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending) {
      lastId.current = pending.id;
      if (!dialog.open) dialog.showModal();
    } else if (dialog.open) {
      dialog.close();
      if (lastId.current) document.getElementById(toggleId(lastId.current))?.focus();
    }
  }, [pending]);

  const name = pending ? nameOf(pending.id) : '';
  const dependents = pending ? pending.dependents.map(nameOf) : [];
  return (
    <dialog
      ref={ref}
      aria-labelledby="removal-title"
      aria-describedby="removal-description"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-border bg-surface p-5 text-fg shadow-xl backdrop:bg-black/50"
    >
      {pending && (
        <>
          <h2 id="removal-title" className="text-lg font-semibold">
            Remove {name}?
          </h2>
          <p id="removal-description" className="mt-2 text-sm">
            {listNames(dependents)} {dependents.length === 1 ? 'needs' : 'need'} {name}, so{' '}
            {dependents.length === 1 ? 'it goes' : 'they go'} too.
          </p>
          <p className="mt-3 text-sm font-medium">
            These {pending.removed.length} components will not be installed:
          </p>
          <ul aria-label="Components to remove" className="mt-1 list-disc pl-5 text-sm">
            {pending.removed.map((id) => (
              <li key={id}>
                {nameOf(id)}
                {pending.dependents.includes(id) && (
                  <span className="text-fg-muted"> (chosen by you)</span>
                )}
              </li>
            ))}
          </ul>
          <div className="mt-5 flex justify-end gap-2">
            <Button onClick={onCancel}>Cancel</Button>
            <Button variant="danger" onClick={onConfirm}>
              Remove {pending.removed.length} components
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}
