import { useEffect, useRef } from 'react';
import type { ComponentId } from '../../shared/constants/components';
import { ConfirmDialog } from '../ui/dialog';
import { toggleId } from './component-card';
import { isRecommendedDefault, listNames, nameOf } from './component-status';
import type { PendingRemoval } from './use-component-toggle';

export interface RemovalDialogProps {
  /** The removal to confirm; the dialog is open while this is set. */
  pending: PendingRemoval | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes when the dialog closes; by default the component's install toggle. */
  returnFocusTo?: (id: ComponentId) => HTMLElement | null;
}

const installToggle = (id: ComponentId) => document.getElementById(toggleId(id));

function RemovalBody({ pending }: { pending: PendingRemoval }) {
  const name = nameOf(pending.id);
  const dependents = pending.dependents.map(nameOf);
  const one = dependents.length === 1;
  return (
    <>
      <p className="text-fg">
        {listNames(dependents)} {one ? 'needs' : 'need'} {name}, so {one ? 'it goes' : 'they go'}{' '}
        too.
      </p>
      <p className="mt-3 font-medium text-fg">
        These {pending.removed.length} components will not be installed:
      </p>
      <ul aria-label="Components to remove" className="mt-1 list-disc pl-5 text-fg">
        {pending.removed.map((id) => (
          <li key={id}>
            {nameOf(id)}
            {pending.dependents.includes(id) && (
              <span className="text-fg-muted">
                {isRecommendedDefault(id) ? ' (recommended)' : ' (chosen by you)'}
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Asks before a removal takes chosen components with it, listing every component that goes.
 * On close, focus goes to `returnFocusTo(id)` (the install toggle unless told otherwise).
 */
export function RemovalDialog({
  pending,
  onConfirm,
  onCancel,
  returnFocusTo = installToggle,
}: RemovalDialogProps) {
  const lastId = useRef<ComponentId | null>(null);
  useEffect(() => {
    if (pending) lastId.current = pending.id;
    else if (lastId.current) {
      returnFocusTo(lastId.current)?.focus();
      lastId.current = null;
    }
  }, [pending, returnFocusTo]);

  return (
    <ConfirmDialog
      open={pending !== null}
      title={pending ? `Remove ${nameOf(pending.id)}?` : ''}
      body={pending ? <RemovalBody pending={pending} /> : null}
      confirmLabel={pending ? `Remove ${pending.removed.length} components` : 'Remove'}
      tone="danger"
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
