// /graph: the dependency graph of the current draft on a page of its own, full width.
import { Link } from 'react-router';
import { DependencyGraphPanel } from '../components/graph/dependency-graph-panel';
import { useDocumentTitle } from '../components/wizard/use-document-title';
import { stepPath } from '../shared/constants/routes';

/** The whole-screen graph page; lazily routed, so it may import the graph directly. */
export function GraphPage() {
  useDocumentTitle('Dependency graph');
  return (
    <div className="flex h-screen flex-col">
      <header className="flex items-center justify-between gap-4 border-b border-border bg-surface px-4 py-3">
        <h1 className="font-semibold">
          Catalyst Bootstrap <span className="font-normal text-fg-muted">· dependency graph</span>
        </h1>
        <Link
          to={stepPath('components')}
          className="text-sm text-accent underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-focus"
        >
          Back to the Components step
        </Link>
      </header>
      <main className="min-h-0 flex-1 p-3">
        <DependencyGraphPanel className="h-full" />
      </main>
    </div>
  );
}

export default GraphPage;
