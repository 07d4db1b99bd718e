import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { revisionManifestQueryOptions } from '../../shared/api/sovereigns';
import type { SovereignManifest } from '../../shared/schemas/manifest';
import type { Revision } from '../../shared/schemas/sovereigns';
import { Alert } from '../ui/alert';
import { Select } from '../ui/field';
import { ChangeView } from './change-view';
import { manifestDiffQueryOptions } from './compute-diff';

function RevisionSelect(props: {
  label: string;
  value: number;
  revisions: readonly Revision[];
  onChange: (n: number) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {props.label}
      </label>
      <Select id={id} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.revisions.map((r) => (
          <option key={r.revision} value={r.revision}>
            Revision {r.revision}
          </option>
        ))}
      </Select>
    </div>
  );
}

const computing = <p className="text-sm text-fg-muted">Computing the change…</p>;

function Failed({ error }: { error: Error }) {
  return (
    <Alert tone="danger" role="alert">
      The revisions cannot be compared: {error.message}
    </Alert>
  );
}

function DiffOf({ base, next }: { base: SovereignManifest; next: SovereignManifest }) {
  const diff = useQuery(manifestDiffQueryOptions(base, next));
  if (diff.error) return <Failed error={diff.error} />;
  return diff.data ? <ChangeView diff={diff.data} /> : computing;
}

function Comparison({ name, from, to }: { name: string; from: number; to: number }) {
  const a = useQuery(revisionManifestQueryOptions(name, from));
  const b = useQuery(revisionManifestQueryOptions(name, to));
  const error = a.error ?? b.error;
  if (error) return <Failed error={error} />;
  return a.data && b.data ? <DiffOf base={a.data} next={b.data} /> : computing;
}

/** Any two revisions compared with Review's diff view; by default the previous and the latest. */
export function CompareRevisions({
  name,
  revisions,
}: {
  name: string;
  revisions: readonly Revision[];
}) {
  const latest = revisions.at(-1)?.revision ?? 1;
  const previous = revisions.at(-2)?.revision ?? latest;
  const [from, setFrom] = useState(previous);
  const [to, setTo] = useState(latest);
  return (
    <section aria-labelledby="compare-heading" className="space-y-3">
      <h2 id="compare-heading" className="text-lg font-semibold">
        Compare
      </h2>
      <div className="flex flex-wrap gap-4">
        <RevisionSelect label="From" value={from} revisions={revisions} onChange={setFrom} />
        <RevisionSelect label="To" value={to} revisions={revisions} onChange={setTo} />
      </div>
      <Comparison key={`${from}-${to}`} name={name} from={from} to={to} />
    </section>
  );
}
