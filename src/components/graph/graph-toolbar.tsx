// Above the graph: find a component, dim all but one family, show the whole catalog, and
// export as SVG or PNG (fit view and zoom are React Flow's <Controls>).
import { useId, useState, type FormEvent } from 'react';
import { FAMILY_IDS, type FamilyId } from '../../shared/constants/catalog-types';
import { getFamily } from '../../shared/constants/families';
import { Button } from '../ui/button';

export interface GraphToolbarProps {
  showAll: boolean;
  onShowAll: (on: boolean) => void;
  family: FamilyId | 'all';
  onFamily: (family: FamilyId | 'all') => void;
  /** Finds a component by name or id; returns false when nothing matches. */
  onFind: (query: string) => boolean;
  onExport: (format: 'svg' | 'png') => void;
}

const fieldClass =
  'h-8 rounded-md border border-border bg-surface px-2 text-sm text-fg focus-visible:outline-2 focus-visible:outline-focus';

/** The graph's toolbar; every control has a visible or accessible name. */
export function GraphToolbar(props: GraphToolbarProps) {
  const ids = { find: useId(), family: useId(), all: useId() };
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!props.onFind(query));
  };
  return (
    <div
      role="toolbar"
      aria-label="Graph tools"
      className="flex flex-wrap items-center gap-3 border-b border-border bg-surface px-3 py-2 text-sm"
    >
      <form role="search" onSubmit={submit} className="flex items-center gap-1">
        <label htmlFor={ids.find} className="sr-only">
          Find a component
        </label>
        <input
          id={ids.find}
          type="search"
          placeholder="Find a component"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className={fieldClass}
          aria-invalid={missing}
          aria-describedby={missing ? `${ids.find}-err` : undefined}
        />
        <Button size="sm" type="submit">
          Find
        </Button>
        {missing && (
          <span id={`${ids.find}-err`} role="alert" className="text-danger">
            No component matches “{query}”
          </span>
        )}
      </form>
      <label htmlFor={ids.family} className="flex items-center gap-1">
        Family
        <select
          id={ids.family}
          value={props.family}
          onChange={(e) => props.onFamily(e.target.value as FamilyId | 'all')}
          className={fieldClass}
        >
          <option value="all">All families</option>
          {FAMILY_IDS.map((f) => (
            <option key={f} value={f}>
              {getFamily(f).name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.all} className="flex cursor-pointer items-center gap-2">
        <input
          id={ids.all}
          type="checkbox"
          role="switch"
          checked={props.showAll}
          onChange={(e) => props.onShowAll(e.target.checked)}
          className="size-4 accent-(--color-accent)"
        />
        Show whole catalog
      </label>
      <div className="ml-auto flex gap-2">
        <Button size="sm" onClick={() => props.onExport('svg')}>
          Export SVG
        </Button>
        <Button size="sm" onClick={() => props.onExport('png')}>
          Export PNG
        </Button>
      </div>
    </div>
  );
}
