import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { deploymentKeys, deploymentQueryOptions } from '../../shared/api/deployments';
import { useDeploymentEvents } from '../../shared/api/events';
import type { Deployment } from '../../shared/schemas/api';
import { Badge, type BadgeProps } from '../ui/badge';
import { Card } from '../ui/card';
import { ComponentStates } from './component-states';
import { ConnectionStatus } from './connection-status';
import { DownloadLinks } from './download-links';
import { EventLog } from './event-log';
import { HowToApply } from './how-to-apply';
import { PipelineSteps } from './pipeline-steps';
import { componentProgress, pipelineProgress } from './progress';
import { QueryError } from './query-error';

const statusTone = (status: Deployment['status']): BadgeProps['tone'] =>
  status === 'failed'
    ? 'danger'
    : status === 'ready' || status === 'ready-to-apply'
      ? 'ok'
      : 'accent';

/** One deployment, live: status, pipeline steps, components, downloads and the event log. */
export function DeploymentProgress({ id }: { id: string }) {
  const query = useQuery(deploymentQueryOptions(id));
  const live = useDeploymentEvents(id);
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
  const steps = useMemo(() => pipelineProgress(live.events, status), [live.events, status]);
  const components = useMemo(() => componentProgress(live.events), [live.events]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-semibold">
            {d ? `Sovereign ${d.name}` : 'Deployment'}
            {status ? (
              <Badge tone={statusTone(status)} className="ml-3 align-middle">
                {status}
              </Badge>
            ) : null}
          </h1>
          <p className="font-mono text-xs text-fg-muted">{id}</p>
        </div>
        <ConnectionStatus connection={live.connection} />
      </div>
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
          {d?.commit ? (
            <p className="mt-1 text-xs text-fg-muted">
              GitOps commit <code>{d.commit.slice(0, 12)}</code>
            </p>
          ) : null}
        </Card>
      ) : null}
      {status === 'ready-to-apply' ? <HowToApply id={id} /> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <PipelineSteps steps={steps} />
        <div className="space-y-6">
          {d ? <DownloadLinks deployment={d} /> : null}
          <ComponentStates components={components} />
        </div>
      </div>
      <EventLog events={live.events} />
    </div>
  );
}
