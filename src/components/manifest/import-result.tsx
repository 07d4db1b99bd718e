import type { ManifestProblem } from '../../shared/schemas/manifest';
import { Alert } from '../ui/alert';
import type { ImportAnalysis, SecretField } from './import-manifest';
import { versionName } from './import-manifest';

/** "Hetzner Cloud API token (provider-credentials), …": secret fields by label and secretRef. */
export function secretList(fields: readonly SecretField[]): string {
  return fields.map((f) => `${f.label} (${f.ref})`).join(', ');
}

/** Every problem of a refused document, each with its path; says that nothing changed. */
export function ImportProblems({
  source,
  problems,
}: {
  source: string;
  problems: readonly ManifestProblem[];
}) {
  return (
    <Alert tone="danger" role="alert" className="space-y-2">
      <p className="font-semibold">
        {source} cannot be imported ({problems.length}{' '}
        {problems.length === 1 ? 'problem' : 'problems'}). Nothing was changed.
      </p>
      <ul className="max-h-64 list-disc space-y-1 overflow-auto pl-5">
        {problems.map((p, i) => (
          <li key={`${i}:${p.path}`}>
            <code className="font-mono text-xs">{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** What a valid document holds, before it replaces the draft. */
export function ImportSummaryView({ analysis }: { analysis: ImportAnalysis & { ok: true } }) {
  const { summary, migratedFrom, carried, missing } = analysis;
  return (
    <Alert tone="ok" role="status" className="space-y-2">
      <p className="font-semibold">
        Valid manifest{migratedFrom ? ` (migrated from ${versionName(migratedFrom)})` : ''}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-fg-muted">Name</dt>
        <dd>{summary.name}</dd>
        <dt className="text-fg-muted">Provider</dt>
        <dd>{summary.provider}</dd>
        <dt className="text-fg-muted">Regions</dt>
        <dd>{summary.regions.join(', ')}</dd>
        <dt className="text-fg-muted">Components</dt>
        <dd>{summary.componentCount} installed</dd>
      </dl>
      {carried.length > 0 ? (
        <p>
          It carries secret values for {secretList(carried)}: they go into this tab&apos;s memory
          only, never into browser storage.
        </p>
      ) : null}
      {missing.length > 0 ? <p>You will be asked again for: {secretList(missing)}.</p> : null}
    </Alert>
  );
}
