import { lazy, Suspense } from 'react';
import { DependencyGraphPanel } from '../components/graph/dependency-graph-panel';
import { ExportPanel } from '../components/manifest/export-panel';
import { DnsSummary } from '../components/review/dns-summary';
import { InfrastructureSummary } from '../components/review/infrastructure-summary';
import { PlatformSummary } from '../components/review/platform-summary';
import { ProvisionSection } from '../components/review/provision-section';
import { ReviewProblems, ReviewWarnings } from '../components/review/review-problems';
import { ReviewSlot } from '../components/review/slot';
import { StorageSummary } from '../components/review/storage-summary';
import { WhenVisible } from '../components/ui/when-visible';
import { useRevisionStore } from '../shared/store/revision-store';

// Revision mode's sections (and the diff view) load only when the draft changes a Sovereign.
const RevisionChangeSection = lazy(() =>
  import('../components/sovereigns/revision-review').then((m) => ({
    default: m.RevisionChangeSection,
  })),
);
const RevisionProvision = lazy(() =>
  import('../components/sovereigns/revision-review').then((m) => ({
    default: m.RevisionProvision,
  })),
);

/** Step 5: everything chosen, what is still wrong, and the actions on the finished draft. */
export function ReviewPage() {
  const base = useRevisionStore((s) => s.base);
  return (
    <div className="space-y-6">
      {base ? (
        <Suspense fallback={<p className="text-sm text-fg-muted">Loading the change…</p>}>
          <RevisionChangeSection base={base} />
        </Suspense>
      ) : null}
      <ReviewProblems />
      <ReviewWarnings />
      <InfrastructureSummary />
      <StorageSummary />
      <DnsSummary />
      <PlatformSummary />
      {/* ─── Slots filled by other features: keep each heading; replace the paragraph. ─── */}
      <ReviewSlot id="review-graph" title="Dependency graph">
        {/* A compact placeholder: the graph mounts 200 px before it scrolls into view, so no
            empty 36rem box is ever seen (and nothing visible shifts). */}
        <WhenVisible showLabel="Show the dependency graph" className="py-4">
          <DependencyGraphPanel className="h-[36rem]" />
        </WhenVisible>
      </ReviewSlot>
      <ReviewSlot id="review-export" title="Export">
        <ExportPanel />
      </ReviewSlot>
      <ReviewSlot id="review-provision" title="Provision">
        {base ? (
          <Suspense fallback={<p className="text-sm text-fg-muted">Loading…</p>}>
            <RevisionProvision base={base} />
          </Suspense>
        ) : (
          <ProvisionSection />
        )}
      </ReviewSlot>
    </div>
  );
}
