// The one thing other pages import: the dependency graph loaded on demand, so @xyflow/react and
// the layout stay out of the chunks that embed it.
import { LazySection } from '../ui/lazy-section';

const loadGraph = () => import('./dependency-graph').then((m) => m.default);

/** The lazily loaded dependency graph, with a status while it loads and Retry if it cannot. */
export function DependencyGraphPanel({ className }: { className?: string }) {
  return <LazySection load={loadGraph} props={{ className }} label="the dependency graph" />;
}
