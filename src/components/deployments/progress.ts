// The progress of a deployment as the page shows it, derived from its events (pure).
import type { ComponentState, DeploymentStatus } from '../../shared/constants/domain';
import { FINAL_STATUSES, type DeploymentEvent, type PipelinePhase } from '../../shared/schemas/api';
import { PIPELINE_STEPS, type StepState } from '../../shared/constants/statuses';

export { PIPELINE_STEPS, type StepState };

export interface StepProgress {
  phase: PipelinePhase;
  title: string;
  state: StepState;
  /** Sum of the step's reported durations; undefined when none was reported. */
  durationMs: number | undefined;
}

/**
 * Each pipeline step's state: done once it or a later step reported, failed when the pipeline
 * failed before it finished, running when it is the next one of a live deployment.
 */
export function pipelineProgress(
  events: readonly DeploymentEvent[],
  status: DeploymentStatus | undefined,
): StepProgress[] {
  const order = PIPELINE_STEPS.map((s) => s.phase as PipelinePhase);
  let reached = -1;
  const durations = new Map<PipelinePhase, number>();
  for (const e of events) {
    reached = Math.max(reached, order.indexOf(e.phase));
    if (e.durationMs !== undefined) {
      durations.set(e.phase, (durations.get(e.phase) ?? 0) + e.durationMs);
    }
  }
  const failed = status === 'failed' || events.some((e) => e.phase === 'failed');
  const final = status !== undefined && FINAL_STATUSES.includes(status);
  return PIPELINE_STEPS.map((s, i): StepProgress => {
    const state: StepState =
      i <= reached
        ? 'done'
        : i === reached + 1
          ? failed
            ? 'failed'
            : final
              ? 'pending'
              : 'running'
          : 'pending';
    return { phase: s.phase, title: s.title, state, durationMs: durations.get(s.phase) };
  });
}

export interface ComponentProgress {
  id: string;
  state: ComponentState;
  message: string;
}

/** Each component's latest state, in the order the pipeline first listed them (install order). */
export function componentProgress(events: readonly DeploymentEvent[]): ComponentProgress[] {
  const byId = new Map<string, ComponentProgress>();
  for (const e of events) {
    if (e.component === undefined || e.state === undefined) continue;
    byId.set(e.component, { id: e.component, state: e.state, message: e.message });
  }
  return [...byId.values()];
}

/** A duration for people: `12 ms`, `1.4 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}
