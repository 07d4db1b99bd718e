import { STEP_STATE_INFO } from '../../shared/constants/statuses';
import { Badge } from '../ui/badge';
import { formatDuration, type StepProgress } from './progress';

/** The pipeline's steps in order, each with its state and how long it took. */
export function PipelineSteps({ steps }: { steps: readonly StepProgress[] }) {
  return (
    <section aria-labelledby="pipeline-heading" className="space-y-3">
      <h2 id="pipeline-heading" className="text-lg font-semibold">
        Pipeline
      </h2>
      <ol className="divide-y divide-border rounded-lg border border-border">
        {steps.map((s, i) => (
          <li
            key={s.phase}
            aria-label={`${s.title}: ${s.state}`}
            aria-current={s.state === 'running' ? 'step' : undefined}
            className="flex items-center gap-3 px-3 py-2 text-sm"
          >
            <span aria-hidden="true" className="w-5 text-center text-fg-muted">
              {STEP_STATE_INFO[s.state].mark}
            </span>
            <span className="min-w-0 flex-1">
              <span className="text-fg-muted">{i + 1}.</span> {s.title}{' '}
              <code className="text-xs text-fg-muted">{s.phase}</code>
            </span>
            <span className="w-20 text-right text-xs text-fg-muted tabular-nums">
              {s.durationMs !== undefined ? formatDuration(s.durationMs) : ''}
            </span>
            <Badge tone={STEP_STATE_INFO[s.state].tone} className="w-20 justify-center">
              {s.state}
            </Badge>
          </li>
        ))}
      </ol>
    </section>
  );
}
