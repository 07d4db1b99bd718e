import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { deploymentKeys, deploymentQueryOptions } from '../../shared/api/deployments';
import { useDeploymentEvents } from '../../shared/api/events';
import type { Deployment } from '../../shared/schemas/api';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { ComponentStates } from './component-states';
import { ConnectionStatus } from './connection-status';
import { DownloadLinks } from './download-links';
import { EventLog } from './event-log';
import { HowToApply } from './how-to-apply';
import { PipelineSteps } from './pipeline-steps';
import { componentProgress, pipelineProgress } from './progress';
import { QueryError } from './query-error';
import { RunControls } from './run-controls';
import { SovereignActions } from './sovereign-actions';
import { useDocumentTitle } from '../wizard/use-document-title';
import { ROUTES } from '../../shared/constants/routes';
import { deploymentStatusTone } from '../../shared/constants/statuses';

/** The progress heading, focused once when Provision opened this page (not on a plain visit). */
function useFocusOnArrival() {
  const ref = useRef<HTMLHeadingElement>(null);
  const { state } = useLocation() as { state: { focusProgress?: boolean } | null };
  const arrived = state?.focusProgress === true;
  useEffect(() => {
    if (arrived) ref.current?.focus();
  }, [arrived]);
  return ref;
}

/** Whether a load failed because the server has no deployment with this id. */
const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/** An unknown deployment id: a plain 404 page, no live stream and no "Reconnecting…". */
export function DeploymentNotFound() {
  useDocumentTitle('Deployment not found');
  return (
    <div className="space-y-4 py-10">
      <h1 className="text-2xl font-semibold">No deployment with this id</h1>
      <p className="text-fg-muted">
        The bootstrap API has no deployment at this address. It may have been mistyped, or it
        belongs to another server.
      </p>
      <Link
        to={ROUTES.deployments}
        className="text-accent underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      >
        See all deployments
      </Link>
    </div>
  );
}

/** One deployment, live; a plain 404 page when the server knows no deployment with this id. */
export function DeploymentProgress({ id }: { id: string }) {
  const query = useQuery(deploymentQueryOptions(id));
  if (isNotFound(query.error)) return <DeploymentNotFound />;
  return <LiveDeployment id={id} query={query} />;
}

/** A known (or still loading) deployment: status, pipeline steps, components, downloads, events. */
function LiveDeployment({ id, query }: { id: string; query: UseQueryResult<Deployment> }) {
  const live = useDeploymentEvents(id);
  const heading = useFocusOnArrival();
  const client = useQueryClient();

  // The status lives in the deployment resource: re-read it when the pipeline moves on.
  const phaseEvents = live.events.filter((e) => e.component === undefined).length;
  useEffect(() => {
    if (phaseEvents > 0 || live.done) {
      void client.invalidateQueries({ queryKey: deploymentKeys.detail(id) });
    }
  }, [client, id, phaseEvents, live.done]);

  const d = query.data;
  const status = live.done?.status ?? d?.status;
  const statusMessage = live.done?.statusMessage ?? d?.statusMessage;
  // From the stream's end when it has come: a re-read of the deployment may still be on its way.
  const commit = live.done?.commit ?? d?.commit;
  const steps = useMemo(() => pipelineProgress(live.events, status), [live.events, status]);
  const components = useMemo(() => componentProgress(live.events), [live.events]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            {d ? `Sovereign ${d.name}` : 'Deployment'}
            {status ? (
              <Badge tone={deploymentStatusTone(status)} className="ml-3 align-middle">
                {status}
              </Badge>
            ) : null}
          </h1>
          <p className="font-mono text-xs text-fg-muted">{id}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <RunControls id={id} status={status} />
          <ConnectionStatus connection={live.connection} />
        </div>
      </div>
      {d ? <SovereignActions name={d.name} /> : null}
      {query.isError ? (
        <QueryError
          what="this deployment"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : null}
      {statusMessage ? (
        <Card role="region" aria-label="Status" aria-live="polite" className="text-sm">
          <p>{statusMessage}</p>
          {commit ? (
            <p className="mt-1 text-xs text-fg-muted">
              GitOps commit <code>{commit.slice(0, 12)}</code>
            </p>
          ) : null}
        </Card>
      ) : null}
      {status === 'ready-to-apply' ? <HowToApply id={id} /> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <PipelineSteps steps={steps} />
        <div className="space-y-6">
          {d ? <DownloadLinks deployment={d} /> : null}
          <ComponentStates components={components} planOnly={status === 'ready-to-apply'} />
        </div>
      </div>
      <EventLog events={live.events} />
    </div>
  );
}
