import { Navigate } from 'react-router';
import { STEPS } from '../shared/constants/steps';
import { firstIncompleteStep } from '../shared/lib/draft';
import { useDraftStore } from '../shared/store/draft-store';

/** Sends the user to the first step with a problem (or Review when there is none). */
export function FirstIncompleteRedirect() {
  const draft = useDraftStore((s) => s.draft);
  const id = firstIncompleteStep(draft);
  const step = STEPS.find((s) => s.id === id) ?? STEPS[0];
  return <Navigate replace to={step.path} />;
}
