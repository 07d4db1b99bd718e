// The one thing Review imports for its Export slot: the section loaded on demand, so YAML, the
// Flux renderer and the import code load only when Review shows it.
import { LazySection } from '../ui/lazy-section';

const loadExport = () => import('../review/export-section').then((m) => m.ExportSection);

/** The lazily loaded Export section, with a status while it loads and Retry if it cannot. */
export function ExportPanel() {
  return <LazySection load={loadExport} props={{}} label="export and import" />;
}
