// The one thing other pages import: the dependency graph behind lazy() and Suspense, so
// @xyflow/react and the layout stay out of the chunks that embed it.
import { lazy, Suspense } from 'react';

const DependencyGraph = lazy(() => import('./dependency-graph'));

/** The lazily loaded dependency graph with a placeholder while its chunk loads. */
export function DependencyGraphPanel({ className }: { className?: string }) {
  return (
    <Suspense
      fallback={
        <p
          role="status"
          className="rounded-lg border border-border bg-surface p-6 text-sm text-fg-muted"
        >
          Loading the dependency graph…
        </p>
      }
    >
      <DependencyGraph className={className} />
    </Suspense>
  );
}
