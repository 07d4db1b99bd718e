import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { getStep, type StepId } from '../../shared/constants/steps';
import { Card } from '../ui/card';

/** One step's summary: a titled section with an Edit link back to the step. */
export function ReviewGroup({ step, children }: { step: StepId; children: ReactNode }) {
  const s = getStep(step);
  const headingId = `review-${step}`;
  return (
    <Card>
      <section aria-labelledby={headingId} className="space-y-3">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={headingId} className="text-lg font-semibold">
            {s.title}
          </h2>
          <Link
            to={s.path}
            className="text-sm text-accent underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
          >
            Edit <span className="sr-only">{s.title}</span>
          </Link>
        </div>
        {children}
      </section>
    </Card>
  );
}

/** A definition list of label/value rows. */
export function ReviewList({ rows }: { rows: readonly [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(0,1fr)] gap-x-6 gap-y-1 text-sm sm:grid-cols-[minmax(10rem,auto)_minmax(0,1fr)]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-fg-muted">{label}</dt>
          <dd className="min-w-0 wrap-anywhere">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "entered" or "missing" for a secret: its value is never shown. */
export function secretState(value: string): string {
  return value ? 'entered (kept in memory only)' : 'missing';
}
