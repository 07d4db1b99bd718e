import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useLocation, useNavigate } from 'react-router';
import { STEPS, type StepId } from '../../shared/constants/steps';
import type { FieldError } from '../../shared/lib/draft-defaults';
import { loadValidation, useValidation } from './validation';
import { useDraftStore } from '../../shared/store/draft-store';
import { useRevisionStore, withoutKeptSecrets } from '../../shared/store/revision-store';
import { useSecretsStore } from '../../shared/store/secrets-store';
import { useServerProblemsStore } from '../../shared/store/server-problems-store';
import { stillStanding } from '../../shared/lib/draft-path';
import { focusFirstInvalid, focusHeading } from './focus';

const NO_ERRORS: readonly FieldError[] = [];

export interface WizardFlow {
  step: Step | undefined;
  prev: Step | undefined;
  next: Step | undefined;
  /** The current step's problems once Next was pressed (or a problem link led here). */
  errors: readonly FieldError[];
  goBack: () => void;
  goNext: () => Promise<void>;
  startOver: () => void;
}

type Step = (typeof STEPS)[number];

/**
 * The step's own validation once Next was pressed, then what the server said about fields of
 * this step that still hold the value it judged (one message per field, the client's first).
 * With nothing to show it is the same empty list every time, so fields do not re-render.
 */
function useStepErrors(step: Step | undefined, shown: boolean): readonly FieldError[] {
  const draft = useDraftStore((s) => s.draft);
  const secrets = useSecretsStore((s) => s.secrets);
  const validation = useValidation();
  // Revision mode with "Keep the stored secrets": an empty secret means the stored one.
  const keep = useRevisionStore((s) => s.base !== null && s.keepSecrets);
  const serverProblems = useServerProblemsStore((s) => s.problems);
  const judged = useServerProblemsStore((s) => s.judged);

  return useMemo(() => {
    const own =
      shown && step && validation
        ? withoutKeptSecrets(validation.validateStep(step.id, draft, secrets), { ...secrets }, keep)
        : NO_ERRORS;
    const fromServer =
      step && serverProblems.length > 0
        ? stillStanding(
            serverProblems.filter((p) => p.step === step.id),
            judged,
            draft,
          )
        : NO_ERRORS;
    if (fromServer.length === 0) return own.length === 0 ? NO_ERRORS : own;
    const seen = new Set(own.map((e) => e.path));
    return [...own, ...fromServer.filter((e) => !seen.has(e.path))];
  }, [shown, step, draft, secrets, validation, serverProblems, judged, keep]);
}

/**
 * On arrival at a step: marks it visited, then focuses the `#field-…` target (showing the
 * step's errors) or, after the first render, the page heading.
 */
function useArrivalFocus(step: Step | undefined, addAttempted: (id: StepId) => void) {
  const location = useLocation();
  const markVisited = useDraftStore((s) => s.markVisited);
  const firstRender = useRef(true);
  useEffect(() => {
    if (step) markVisited(step.id);
    const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && step) {
      flushSync(() => addAttempted(step.id));
      target.focus();
    } else if (!firstRender.current) {
      focusHeading();
    }
    firstRender.current = false;
  }, [location.key, location.hash, step, markVisited, addAttempted]);
}

/** A step's problems right now, read from the stores (secrets kept in revision mode dropped). */
async function problemsNow(id: StepId): Promise<readonly FieldError[]> {
  const { validateStep } = await loadValidation();
  const secretsNow = useSecretsStore.getState().secrets;
  const revision = useRevisionStore.getState();
  return withoutKeptSecrets(
    validateStep(id, useDraftStore.getState().draft, secretsNow),
    { ...secretsNow },
    revision.base !== null && revision.keepSecrets,
  );
}

/**
 * Back/Next over STEPS: Next validates the step with its secrets, shows the errors and focuses
 * the first invalid field, or marks the next step visited and goes there. Arriving with
 * `#field-…` focuses that field; arriving otherwise focuses the page heading.
 */
export function useWizardFlow(): WizardFlow {
  const location = useLocation();
  const navigate = useNavigate();
  const index = STEPS.findIndex((s) => s.path === location.pathname);
  const step = STEPS[index];
  const [attempted, setAttempted] = useState<ReadonlySet<StepId>>(() => new Set());
  const markVisited = useDraftStore((s) => s.markVisited);
  const errors = useStepErrors(step, step !== undefined && attempted.has(step.id));

  const addAttempted = useCallback((id: StepId) => {
    setAttempted((prev) => (prev.has(id) ? prev : new Set(prev).add(id)));
  }, []);
  useArrivalFocus(step, addAttempted);

  const goNext = async () => {
    if (!step) return;
    const found = await problemsNow(step.id);
    if (found.length > 0) {
      flushSync(() => addAttempted(step.id));
      focusFirstInvalid(found);
      return;
    }
    const target = STEPS[index + 1];
    if (!target) return;
    markVisited(target.id);
    void navigate(target.path);
  };

  const goBack = () => {
    const target = STEPS[index - 1];
    if (target) void navigate(target.path);
  };

  const startOver = () => {
    useDraftStore.getState().reset();
    useSecretsStore.getState().clearSecrets();
    useServerProblemsStore.getState().clearServerProblems();
    setAttempted(new Set());
    void navigate(STEPS[0].path);
  };

  return {
    step,
    prev: STEPS[index - 1],
    next: STEPS[index + 1],
    errors,
    goBack,
    goNext,
    startOver,
  };
}
