// The side panel of one component: what it is, why it is installed, what it needs and what
// needs it, how and where it is installed, its namespace and resource requests, and the
// Add/Remove button.
import { useEffect, useRef, type ReactNode } from 'react';
import { getComponent, type ComponentId } from '../../shared/constants/components';
import { getFamily } from '../../shared/constants/families';
import { CATALOG_INDEX } from '../../shared/lib/catalog-graph';
import { explainWhy, formatWhy } from '../../shared/lib/explain-why';
import { installMethod } from '../../shared/lib/install-method';
import type { ResolvedSelection } from '../../shared/lib/resolve-selection';
import { nameOf } from '../catalog/component-status';
import { SettingsDisclosure } from '../settings/settings-disclosure';
import { Button } from '../ui/button';
import { ON_BY_DEFAULT_TEXT, REASON_FIXED_TEXT } from '../../shared/constants/reasons';

export interface GraphSidePanelProps {
  id: ComponentId;
  resolved: ResolvedSelection<ComponentId>;
  onOpen: (id: ComponentId) => void;
  onToggle: (id: ComponentId, install: boolean) => void;
  onClose: () => void;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-1.5">
      <dt className="text-xs font-medium tracking-wide text-fg-muted uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm text-fg">{children}</dd>
    </div>
  );
}

function Links({
  ids,
  onOpen,
  none,
}: {
  ids: readonly ComponentId[];
  onOpen: (id: ComponentId) => void;
  none: string;
}) {
  if (ids.length === 0) return <span className="text-fg-muted">{none}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {ids.map((d) => (
        <li key={d}>
          <button
            type="button"
            onClick={() => onOpen(d)}
            className="rounded border border-border px-1.5 py-0.5 text-xs hover:bg-muted focus-visible:outline-2 focus-visible:outline-focus"
          >
            {nameOf(d)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Escape pressed anywhere inside the returned element's subtree calls `onClose`. */
function useEscapeToClose(onClose: () => void) {
  const ref = useRef<HTMLElement>(null);
  const latest = useRef(onClose);
  useEffect(() => {
    latest.current = onClose;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      latest.current();
    };
    el.addEventListener('keydown', onKeyDown);
    return () => el.removeEventListener('keydown', onKeyDown);
  }, []);
  return ref;
}

/**
 * Details of one component and its Add/Remove action (through the same engine as the Components
 * step). Escape anywhere in the panel closes it, like ✕.
 */
export function GraphSidePanel({ id, resolved, onOpen, onToggle, onClose }: GraphSidePanelProps) {
  const c = getComponent(id);
  const reason = explainWhy(CATALOG_INDEX, resolved, id);
  const installed = reason.kind !== 'not-installed';
  const fixed = reason.kind === 'mandatory' || reason.kind === 'locked';
  const neededBy = installed
    ? (resolved.requiredBy.get(id) ?? [])
    : (CATALOG_INDEX.dependents.get(id) ?? []);
  const r = c.resources;
  const method = installMethod(c);
  const ref = useEscapeToClose(onClose);
  return (
    <aside
      ref={ref}
      aria-labelledby="graph-panel-title"
      className="flex w-full flex-col gap-2 overflow-y-auto border-border bg-surface p-4 md:w-80 md:border-l"
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 id="graph-panel-title" className="text-lg font-semibold">
            {c.name}
          </h2>
          <p className="text-sm text-fg-muted">{c.role}</p>
        </div>
        <Button
          size="sm"
          variant="ghost"
          onClick={onClose}
          aria-label={`Close details of ${c.name}`}
        >
          ✕
        </Button>
      </div>
      <p
        role="note"
        aria-label="Why it is installed"
        className="rounded-md bg-muted px-2 py-1.5 text-sm"
      >
        {reason.kind === 'chosen' && c.tier === 'recommended'
          ? ON_BY_DEFAULT_TEXT.card
          : formatWhy(reason, nameOf)}
      </p>
      <dl className="divide-y divide-border">
        <Row label="Family and tier">
          {getFamily(c.family).name} · {c.tier}
        </Row>
        <Row label="Depends on">
          <Links ids={c.dependsOn} onOpen={onOpen} none="Nothing" />
        </Row>
        <Row label={installed ? 'Needed by (installed)' : 'Needed by'}>
          <Links ids={neededBy} onOpen={onOpen} none="Nothing" />
        </Row>
        <Row label="Installed as">{method.how}</Row>
        {method.where && <Row label="Runs on">{method.where}</Row>}
        <Row label="Namespace">
          <code>{c.namespace}</code>
        </Row>
        <Row label="Resource requests">
          {r.cpuMillicores} mCPU · {r.memoryMiB} MiB memory · {r.storageGiB} GiB storage
        </Row>
      </dl>
      {installed && <SettingsDisclosure key={id} id={id} name={c.name} />}
      {fixed ? (
        <p className="text-sm text-fg-muted">
          {reason.kind === 'mandatory' ? REASON_FIXED_TEXT.mandatory : REASON_FIXED_TEXT.locked}
        </p>
      ) : (
        <Button variant={installed ? 'danger' : 'primary'} onClick={() => onToggle(id, !installed)}>
          {installed ? `Remove ${c.name}` : `Add ${c.name}`}
        </Button>
      )}
    </aside>
  );
}
