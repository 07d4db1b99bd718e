// The one thing Review imports for its Export slot: the section behind lazy() and Suspense, so
// YAML, the Flux renderer and the import code load only when Review shows it.
import { lazy, Suspense } from 'react';

const ExportSection = lazy(() =>
  import('../review/export-section').then((m) => ({ default: m.ExportSection })),
);

/** The lazily loaded Export section with a placeholder while its chunk loads. */
export function ExportPanel() {
  return (
    <Suspense
      fallback={
        <p role="status" className="text-sm text-fg-muted">
          Loading export and import…
        </p>
      }
    >
      <ExportSection />
    </Suspense>
  );
}
