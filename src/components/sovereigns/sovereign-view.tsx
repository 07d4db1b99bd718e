import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { sovereignQueryOptions } from '../../shared/api/sovereigns';
import { QueryError } from '../deployments/query-error';
import { ChangeSovereignButton } from './change-sovereign-button';
import { CompareRevisions } from './compare-revisions';
import { RevisionsList } from './revisions-list';
import { ROUTES } from '../../shared/constants/routes';

function NotFound({ name }: { name: string }) {
  return (
    <div className="space-y-4 py-10">
      <h1 className="text-2xl font-semibold">No Sovereign named {name}</h1>
      <p className="text-fg-muted">The bootstrap API has no Sovereign of this name.</p>
      <Link to={ROUTES.deployments} className="text-accent underline">
        See all deployments
      </Link>
    </div>
  );
}

/** A Sovereign: "Change this Sovereign", its revisions, and the comparison of any two. */
export function SovereignView({ name }: { name: string }) {
  const query = useQuery(sovereignQueryOptions(name));
  if (query.error instanceof ApiError && query.error.status === 404)
    return <NotFound name={name} />;
  if (query.isError)
    return <QueryError what={name} error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <p className="text-sm text-fg-muted">Loading {name}…</p>;
  const { revisions } = query.data;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Sovereign {name}</h1>
          <p className="text-sm text-fg-muted">
            {revisions.length} revision{revisions.length === 1 ? '' : 's'}
          </p>
        </div>
        {revisions.length > 0 ? <ChangeSovereignButton name={name} /> : null}
      </div>
      <RevisionsList name={name} revisions={revisions} />
      {revisions.length > 1 ? <CompareRevisions name={name} revisions={revisions} /> : null}
    </div>
  );
}
