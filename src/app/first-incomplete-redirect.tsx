import { Navigate } from 'react-router';
import { getStep } from '../shared/constants/steps';
import { firstIncompleteStep } from '../shared/lib/draft';
import { useDraftStore } from '../shared/store/draft-store';

/** Sends the user to the first step with a problem (or Review when there is none). */
export function FirstIncompleteRedirect() {
  const draft = useDraftStore((s) => s.draft);
  const id = firstIncompleteStep(draft);
  const step = getStep(id);
  return <Navigate replace to={step.path} />;
}
