import { COMPONENT_STATE_TONE } from '../../shared/constants/statuses';
import type { ComponentState } from '../../shared/constants/domain';
import { getComponent, isComponentId } from '../../shared/constants/components';
import { Badge } from '../ui/badge';
import type { ComponentProgress } from './progress';

const nameOf = (id: string) => (isComponentId(id) ? getComponent(id).name : id);

/** The label of a component's state: a pending one of a finished plan is not installed yet. */
export function stateLabel(state: ComponentState, planOnly: boolean): string {
  return planOnly && state === 'pending' ? 'not installed yet (plan only)' : state;
}

/**
 * Every component with its latest state, in install order. `planOnly`: the pipeline finished and
 * no executor applies the plan, so nothing is being installed (a pending one is not "pending").
 */
export function ComponentStates({
  components,
  planOnly = false,
}: {
  components: readonly ComponentProgress[];
  planOnly?: boolean;
}) {
  return (
    <section aria-labelledby="components-heading" className="space-y-3">
      <h2 id="components-heading" className="text-lg font-semibold">
        Components <span className="font-normal text-fg-muted">(install order)</span>
      </h2>
      {planOnly ? (
        <p className="text-sm text-fg-muted">
          No executor applies this plan here, so nothing is installed: the components come up once
          the clusters exist and Flux reconciles the repository. How to apply says how, or why this
          provider cannot be applied yet.
        </p>
      ) : null}
      {components.length === 0 ? (
        <p className="text-sm text-fg-muted">Listed once the GitOps tree is committed.</p>
      ) : (
        <ol className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {components.map((c, i) => (
            <li key={c.id} className="flex items-center justify-between gap-2 py-0.5">
              <span className="min-w-0 truncate" title={c.message}>
                <span className="text-fg-muted tabular-nums">{i + 1}.</span> {nameOf(c.id)}
              </span>
              <Badge
                tone={planOnly && c.state === 'pending' ? 'neutral' : COMPONENT_STATE_TONE[c.state]}
              >
                {stateLabel(c.state, planOnly)}
              </Badge>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
