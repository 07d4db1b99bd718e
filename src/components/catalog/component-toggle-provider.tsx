// The one owner of adding and removing components on a screen: the list and the graph share its
// toggle, its pending removal (one RemovalDialog) and its announcement (one live region).
import { createContext, useCallback, useContext, useRef, type ReactNode } from 'react';
import type { ComponentId } from '../../shared/constants/components';
import { cn } from '../ui/cn';
import { toggleId } from './component-card';
import { RemovalDialog } from './removal-dialog';
import { useComponentToggle } from './use-component-toggle';

/** Adds (with dependencies) or removes (asking first when chosen components go too). */
export type ToggleComponent = (id: ComponentId, install: boolean) => void;

const ToggleContext = createContext<ToggleComponent | null>(null);
const AnnouncementContext = createContext('');

/**
 * Owns the toggle state for everything inside it and renders the one RemovalDialog. After the
 * dialog closes, focus returns to the control that asked for the removal (a catalog checkbox or
 * the graph's Remove button), or to the component's checkbox if that control is gone.
 */
export function ComponentToggleProvider({ children }: { children: ReactNode }) {
  const { toggle, pending, confirm, cancel, announcement } = useComponentToggle();
  const opener = useRef<HTMLElement | null>(null);

  const toggleFrom = useCallback<ToggleComponent>(
    (id, install) => {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      toggle(id, install);
    },
    [toggle],
  );

  const returnFocusTo = useCallback(
    (id: ComponentId) =>
      opener.current?.isConnected ? opener.current : document.getElementById(toggleId(id)),
    [],
  );

  return (
    <ToggleContext.Provider value={toggleFrom}>
      <AnnouncementContext.Provider value={announcement}>
        {children}
        <RemovalDialog
          pending={pending}
          onConfirm={confirm}
          onCancel={cancel}
          returnFocusTo={returnFocusTo}
        />
      </AnnouncementContext.Provider>
    </ToggleContext.Provider>
  );
}

/** The toggle of the nearest ComponentToggleProvider, or null outside one. */
export const useOptionalToggle = (): ToggleComponent | null => useContext(ToggleContext);

/** The toggle of the nearest ComponentToggleProvider; throws outside one. */
export function useToggle(): ToggleComponent {
  const toggle = useContext(ToggleContext);
  if (!toggle) throw new Error('useToggle needs a ComponentToggleProvider');
  return toggle;
}

/** The provider's polite live region: render it once per provider, where the user looks. */
export function ComponentToggleStatus({ className }: { className?: string }) {
  const announcement = useContext(AnnouncementContext);
  return (
    <p role="status" aria-live="polite" className={cn('text-sm text-fg-muted', className)}>
      {announcement}
    </p>
  );
}
