import { Link } from 'react-router';
import { getStep } from '../../shared/constants/steps';
import { fieldId } from '../../shared/lib/draft';
import { Alert } from '../ui/alert';
import { useDraftProblems, useDraftWarnings } from './use-draft-problems';

/** Every remaining problem in the draft (secrets included), each a link to its field. */
export function ReviewProblems() {
  const problems = useDraftProblems();
  if (problems.length === 0) {
    return (
      <Alert tone="ok" role="region" aria-labelledby="review-problems">
        <h2 id="review-problems" className="font-semibold">
          Ready
        </h2>
        <p>Every step is complete.</p>
      </Alert>
    );
  }
  return (
    <Alert tone="danger" role="region" aria-labelledby="review-problems">
      <h2 id="review-problems" className="font-semibold">
        {problems.length === 1 ? 'One problem remains' : `${problems.length} problems remain`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((p) => {
          const step = getStep(p.step);
          return (
            <li key={`${p.manifestPath ?? p.path}:${p.message}`} className="break-words">
              <Link
                to={`${step.path ?? '/'}${p.path ? `#${fieldId(p.path)}` : ''}`}
                className="text-danger underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
              >
                {step.title}: {p.message}
              </Link>
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}

/** What Provision is not blocked by but should know: components needing hardware the plan lacks. */
export function ReviewWarnings() {
  const warnings = useDraftWarnings();
  if (warnings.length === 0) return null;
  const step = getStep('components');
  return (
    <Alert tone="warn" role="region" aria-labelledby="review-warnings">
      <h2 id="review-warnings" className="font-semibold">
        {warnings.length === 1 ? 'One warning' : `${warnings.length} warnings`}
        <span className="font-normal"> (Provision is not blocked)</span>
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {warnings.map((w) => (
          <li key={`${w.path}:${w.message}`} className="break-words">
            <Link
              to={step.path}
              className="underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
            >
              {step.title}: {w.message}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
