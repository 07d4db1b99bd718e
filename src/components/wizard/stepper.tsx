import { useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import { STEPS, type StepId } from '../../shared/constants/steps';
import { cx } from '../ui/cx';

export interface StepperProps {
  current: StepId | undefined;
  visited: readonly StepId[];
  /** Steps with a problem Review lists: marked once visited, unless they are the current one. */
  flagged?: ReadonlySet<StepId>;
}

const itemClass =
  'flex items-center gap-3 whitespace-nowrap rounded-md px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

/**
 * The wizard's steps: visited ones are links (a red dot on one with a problem), the current one
 * is marked, the rest disabled. On phones it is compact: "Step 2 of 5: Storage tier" over the
 * steps in a box of their own that scrolls sideways, so the page never does; from md up, a column
 * beside the step.
 */
export function Stepper({ current, visited, flagged }: StepperProps) {
  const index = STEPS.findIndex((s) => s.id === current);
  const step = STEPS[index];
  const list = useRef<HTMLOListElement>(null);
  // On phones the list scrolls on its own: bring the current step into its view (never the page's).
  useLayoutEffect(() => {
    const ol = list.current;
    const item = ol?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!ol || !item || ol.scrollWidth <= ol.clientWidth) return;
    ol.scrollLeft = item.offsetLeft - ol.offsetLeft - (ol.clientWidth - item.offsetWidth) / 2;
  }, [current]);
  return (
    <nav aria-label="Wizard steps" className="min-w-0">
      {step ? (
        <p className="mb-2 text-sm font-medium md:hidden">
          Step {index + 1} of {STEPS.length}: {step.title}
        </p>
      ) : null}
      <ol
        ref={list}
        className="-mx-1 flex snap-x gap-1 overflow-x-auto px-1 pb-1 md:mx-0 md:flex-col md:overflow-visible md:px-0 md:pb-0"
      >
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
            <li key={s.id} className="shrink-0 snap-start">
              {visited.includes(s.id) || isCurrent ? (
                <Link
                  to={s.path}
                  aria-current={isCurrent ? 'step' : undefined}
                  className={cx(itemClass, isCurrent ? 'bg-muted font-semibold' : 'hover:bg-muted')}
                >
                  {number}
                  {s.title}
                  {!isCurrent && flagged?.has(s.id) ? (
                    <>
                      <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-danger" />
                      <span className="sr-only"> (has problems)</span>
                    </>
                  ) : null}
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
