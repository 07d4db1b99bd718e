// The Components step's list with the dependency graph: side by side on wide screens, as two
// tabs (List, Graph) on narrower ones. The graph mounts only when visible and loads lazily.
import { useId, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { cn } from '../ui/cn';
import { DependencyGraphPanel } from './dependency-graph-panel';
import { ROUTES } from '../../shared/constants/routes';

const WIDE = '(min-width: 96rem)';

const fullScreenLink = (
  <Link
    to={ROUTES.graph}
    className="text-sm text-accent underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-focus"
  >
    Open the graph full screen
  </Link>
);

const canMatch = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function';

function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      if (!canMatch()) return () => {};
      const mql = window.matchMedia(query);
      mql.addEventListener('change', notify);
      return () => mql.removeEventListener('change', notify);
    },
    () => canMatch() && window.matchMedia(query).matches,
    () => false,
  );
}

type Tab = 'list' | 'graph';
const TABS: { id: Tab; label: string }[] = [
  { id: 'list', label: 'List' },
  { id: 'graph', label: 'Graph' },
];

/** Wraps the component list (children) and adds the graph beside it or behind a tab. */
export function CatalogWithGraph({ children }: { children: ReactNode }) {
  const wide = useMediaQuery(WIDE);
  const [tab, setTab] = useState<Tab>('list');
  const base = useId();
  if (wide) {
    return (
      <div className="grid min-w-0 grid-cols-2 gap-6">
        <div className="min-w-0 space-y-6">{children}</div>
        <div className="sticky top-4 space-y-2 self-start">
          {fullScreenLink}
          <DependencyGraphPanel className="h-[calc(100vh-4rem)]" />
        </div>
      </div>
    );
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next: Tab = tab === 'list' ? 'graph' : 'list';
    setTab(next);
    document.getElementById(`${base}-${next}-tab`)?.focus();
  };
  return (
    <div className="min-w-0 space-y-4">
      <div
        role="tablist"
        aria-label="Show components as"
        className="inline-flex rounded-md border border-border bg-surface p-0.5"
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${base}-${t.id}-tab`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${base}-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={onKeyDown}
            className={cn(
              'rounded px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-focus',
              tab === t.id ? 'bg-accent text-accent-fg' : 'text-fg hover:bg-muted',
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        id={`${base}-${tab}`}
        role="tabpanel"
        aria-labelledby={`${base}-${tab}-tab`}
        className="min-w-0 space-y-6"
      >
        {tab === 'list' ? children : <DependencyGraphPanel className="h-[70vh]" />}
      </div>
    </div>
  );
}
