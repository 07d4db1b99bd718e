import { Link } from 'react-router';
import { STEPS, type StepId } from '../../shared/constants/steps';
import { cx } from '../ui/cx';

export interface StepperProps {
  current: StepId | undefined;
  visited: readonly StepId[];
}

const itemClass =
  'flex items-center gap-3 rounded-md px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

/** The wizard's steps: visited ones are links, the current one is marked, the rest disabled. */
export function Stepper({ current, visited }: StepperProps) {
  return (
    <nav aria-label="Wizard steps">
      <ol className="flex gap-1 overflow-x-auto md:flex-col">
        {STEPS.map((s, i) => {
          const isCurrent = s.id === current;
          const number = (
            <span
              aria-hidden="true"
              className={cx(
                'grid size-6 shrink-0 place-items-center rounded-full border text-xs',
                isCurrent ? 'border-accent bg-accent text-accent-fg' : 'border-border',
              )}
            >
              {i + 1}
            </span>
          );
          return (
            <li key={s.id}>
              {visited.includes(s.id) || isCurrent ? (
                <Link
                  to={s.path}
                  aria-current={isCurrent ? 'step' : undefined}
                  className={cx(itemClass, isCurrent ? 'bg-muted font-semibold' : 'hover:bg-muted')}
                >
                  {number}
                  {s.title}
                </Link>
              ) : (
                <span aria-disabled="true" className={cx(itemClass, 'text-fg-muted')}>
                  {number}
                  {s.title}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
