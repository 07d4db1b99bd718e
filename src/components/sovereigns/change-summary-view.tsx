// The change in words, as lists: components added and removed with why, what changes per
// region (nodes, sizes, location), every other setting old → new, and what destroys data.
import { useId, type ReactNode } from 'react';
import type { ChangeSummary } from '../../shared/lib/diff/change-summary';
import type { ComponentChange } from '../../shared/lib/diff/component-changes';
import type { RegionChange } from '../../shared/lib/diff/region-changes';

function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      <ul aria-labelledby={id} className="list-disc space-y-0.5 pl-5 text-sm">
        {children}
      </ul>
    </div>
  );
}

function ComponentItem({ c }: { c: ComponentChange }) {
  const where = c.clusters.length ? ` · ${c.clusters.join(', ')}` : '';
  return (
    <li>
      <span className="font-medium">{c.name}</span>{' '}
      <span className="text-fg-muted">
        — {c.change === 'removed' ? `was ${c.why.toLowerCase()}` : c.why}
        {where}
      </span>
    </li>
  );
}

function RegionItem({ r }: { r: RegionChange }) {
  if (r.change !== 'changed')
    return (
      <li>
        {r.change === 'added' ? 'Added' : 'Removed'}: <span className="font-medium">{r.label}</span>{' '}
        ({r.change === 'added' ? r.nodesAfter : r.nodesBefore} nodes)
      </li>
    );
  return (
    <li>
      <span className="font-medium">{r.label}</span>
      <ul className="list-[circle] pl-5">
        {r.fields.map((f) => (
          <li key={f.path}>
            {f.label}: {f.beforeText} → {f.afterText}
          </li>
        ))}
        {r.nodesBefore !== r.nodesAfter ? (
          <li>
            Nodes: {r.nodesBefore} → {r.nodesAfter}
          </li>
        ) : null}
      </ul>
    </li>
  );
}

/** The summary of a change; `Nothing changes` when the two manifests are the same. */
export function ChangeSummaryView({ summary }: { summary: ChangeSummary }) {
  if (summary.unchanged) return <p className="text-sm font-medium">Nothing changes.</p>;
  const { added, removed, updated } = summary.components;
  return (
    <div className="space-y-3">
      <p className="font-medium">{summary.title}</p>
      {added.length ? (
        <Part title={`Components added (${added.length})`}>
          {added.map((c) => (
            <ComponentItem key={c.id} c={c} />
          ))}
        </Part>
      ) : null}
      {removed.length ? (
        <Part title={`Components removed (${removed.length})`}>
          {removed.map((c) => (
            <ComponentItem key={c.id} c={c} />
          ))}
        </Part>
      ) : null}
      {updated.length ? (
        <Part title={`Components changed (${updated.length})`}>
          {updated.map((u) => (
            <li key={u.id}>
              <span className="font-medium">{u.name}</span>
              {u.version
                ? ` — chart ${u.version.before ?? '(none)'} → ${u.version.after ?? '(none)'}`
                : ''}
              {u.reason ? ` — ${u.reason.whyAfter} (was ${u.reason.whyBefore.toLowerCase()})` : ''}
              {u.clustersAdded.length ? ` — now also on ${u.clustersAdded.join(', ')}` : ''}
              {u.clustersRemoved.length ? ` — no longer on ${u.clustersRemoved.join(', ')}` : ''}
            </li>
          ))}
        </Part>
      ) : null}
      {summary.regions.length ? (
        <Part title="Regions">
          {summary.regions.map((r) => (
            <RegionItem key={r.region} r={r} />
          ))}
        </Part>
      ) : null}
      {summary.settings.length ? (
        <Part title="Settings">
          {summary.settings.map((f) => (
            <li key={f.path}>
              {f.label}: <span className="text-fg-muted">{f.beforeText}</span> → {f.afterText}
            </li>
          ))}
        </Part>
      ) : null}
    </div>
  );
}
