import type { ComponentState } from '../../shared/constants/domain';
import { getComponent, isComponentId } from '../../shared/constants/components';
import { Badge, type BadgeProps } from '../ui/badge';
import type { ComponentProgress } from './progress';

const TONE: Record<ComponentState, BadgeProps['tone']> = {
  pending: 'neutral',
  installing: 'accent',
  installed: 'ok',
  degraded: 'warn',
  failed: 'danger',
};

const nameOf = (id: string) => (isComponentId(id) ? getComponent(id).name : id);

/** Every component with its latest state, in install order. */
export function ComponentStates({ components }: { components: readonly ComponentProgress[] }) {
  return (
    <section aria-labelledby="components-heading" className="space-y-3">
      <h2 id="components-heading" className="text-lg font-semibold">
        Components <span className="font-normal text-fg-muted">(install order)</span>
      </h2>
      {components.length === 0 ? (
        <p className="text-sm text-fg-muted">Listed once the GitOps tree is committed.</p>
      ) : (
        <ol className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {components.map((c, i) => (
            <li key={c.id} className="flex items-center justify-between gap-2 py-0.5">
              <span className="min-w-0 truncate" title={c.message}>
                <span className="text-fg-muted tabular-nums">{i + 1}.</span> {nameOf(c.id)}
              </span>
              <Badge tone={TONE[c.state]}>{c.state}</Badge>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
