import { Navigate } from 'react-router';
import { getStep } from '../shared/constants/steps';
import { firstIncompleteStep } from '../shared/lib/draft';
import { useDraftStore } from '../shared/store/draft-store';

/**
 * Sends the user to the first step with a problem (or Review when there is none), once the
 * saved draft has loaded: judged on the defaults, a returning user would land on step one.
 */
export function FirstIncompleteRedirect() {
  const draft = useDraftStore((s) => s.draft);
  const loaded = useDraftStore((s) => s.draftLoaded);
  if (!loaded) return <p role="status">Loading your draft…</p>;
  const step = getStep(firstIncompleteStep(draft));
  return <Navigate replace to={step.path} />;
}
