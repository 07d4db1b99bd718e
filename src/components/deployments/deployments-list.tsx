import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { deploymentsQueryOptions } from '../../shared/api/deployments';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { QueryError } from './query-error';
import { ROUTES, deploymentRoute, sovereignRoute } from '../../shared/constants/routes';
import { deploymentStatusTone } from '../../shared/constants/statuses';

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { hour12: false });
};

/** Past deployments, newest first, with "Load more" for older pages; each links to its page. */
export function DeploymentsList() {
  const query = useInfiniteQuery(deploymentsQueryOptions());
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  if (query.isPending) return <p className="text-sm text-fg-muted">Loading deployments…</p>;
  if (query.isError && items.length === 0) {
    return (
      <QueryError what="deployments" error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  if (items.length === 0) {
    return (
      <p className="text-sm text-fg-muted">
        No deployments yet.{' '}
        <Link to={ROUTES.wizard} className="text-accent underline">
          Set up a Sovereign
        </Link>{' '}
        and provision it from Review.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
        {items.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
            <Link
              id={`deployment-${d.id}`}
              to={deploymentRoute(d.id)}
              className="font-medium text-accent underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-focus"
            >
              {d.name}
            </Link>
            {/* Named "Revisions" alone (the name describes it), so a search for the name finds one link. */}
            <Link
              to={sovereignRoute(d.name)}
              aria-describedby={`deployment-${d.id}`}
              className="text-sm text-accent underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-focus"
            >
              Revisions
            </Link>
            <Badge tone={deploymentStatusTone(d.status)}>{d.status}</Badge>
            <span className="text-sm text-fg-muted">{d.componentCount} components</span>
            <time dateTime={d.createdAt} className="ml-auto text-sm text-fg-muted tabular-nums">
              {when(d.createdAt)}
            </time>
          </li>
        ))}
      </ul>
      {query.isFetchNextPageError ? (
        <QueryError
          what="older deployments"
          error={query.error}
          onRetry={() => void query.fetchNextPage()}
        />
      ) : null}
      {query.hasNextPage ? (
        <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
    </div>
  );
}
