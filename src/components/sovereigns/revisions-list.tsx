import { useState } from 'react';
import { Link } from 'react-router';
import { fetchRevisionManifestText } from '../../shared/api/sovereigns';
import { downloadText } from '../../shared/lib/download';
import type { Revision } from '../../shared/schemas/sovereigns';
import { fileBase } from '../manifest/export-files';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { ChangeSovereignButton } from './change-sovereign-button';
import { deploymentRoute } from '../../shared/constants/routes';
import { deploymentStatusTone } from '../../shared/constants/statuses';

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { hour12: false });
};

/** "Download manifest": the revision's YAML (never with secrets), fetched with the API token. */
function DownloadManifest({ name, revision }: { name: string; revision: number }) {
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const text = await fetchRevisionManifestText(name, revision);
      downloadText(
        text,
        `${fileBase(name)}.revision-${revision}.sovereign.yaml`,
        'application/yaml',
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <>
      <Button size="sm" onClick={() => void download()}>
        Download manifest <span className="sr-only">of revision {revision}</span>
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          The download failed: {error}
        </p>
      ) : null}
    </>
  );
}

/** A Sovereign's revisions, newest first: summary, status, commit, time and what to do with each. */
export function RevisionsList({
  name,
  revisions,
}: {
  name: string;
  revisions: readonly Revision[];
}) {
  const latest = revisions.at(-1)?.revision;
  return (
    <section aria-labelledby="revisions-heading" className="space-y-3">
      <h2 id="revisions-heading" className="text-lg font-semibold">
        Revisions
      </h2>
      <ol reversed className="divide-y divide-border rounded-lg border border-border bg-surface">
        {[...revisions].reverse().map((r) => (
          <li
            key={r.revision}
            aria-label={`Revision ${r.revision}`}
            className="space-y-2 px-4 py-3"
          >
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <span className="font-semibold">Revision {r.revision}</span>
              <Badge tone={deploymentStatusTone(r.status)}>{r.status}</Badge>
              <span className="min-w-48 flex-1">{r.summary}</span>
              <code className="text-xs text-fg-muted" title={r.commitSha ?? undefined}>
                {r.commitSha ? r.commitSha.slice(0, 12) : 'not committed'}
              </code>
              <time dateTime={r.createdAt} className="text-sm text-fg-muted tabular-nums">
                {when(r.createdAt)}
              </time>
            </div>
            <div className="flex flex-wrap items-start gap-2">
              <Link
                to={deploymentRoute(r.deploymentId)}
                className="inline-flex h-8 items-center text-sm text-accent underline focus-visible:outline-2 focus-visible:outline-focus"
              >
                Deployment <span className="sr-only">of revision {r.revision}</span>
              </Link>
              <DownloadManifest name={name} revision={r.revision} />
              {r.revision !== latest ? (
                <ChangeSovereignButton
                  name={name}
                  from={r.revision}
                  variant="secondary"
                  label={`Start a new revision from revision ${r.revision}`}
                />
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
