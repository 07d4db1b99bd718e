import { Suspense, lazy } from 'react';
import { Link, Outlet } from 'react-router';
import { ErrorSummary } from '../components/wizard/error-summary';
import { PageHeading } from '../components/wizard/page-heading';
import { StartOver } from '../components/wizard/start-over';
import { StepErrorsProvider } from '../components/wizard/step-errors';
import { StepNav } from '../components/wizard/step-nav';
import { Stepper } from '../components/wizard/stepper';
import { useFlaggedSteps } from '../components/wizard/use-flagged-steps';
import { useWizardFlow } from '../components/wizard/use-wizard-flow';
import { useDraftStore } from '../shared/store/draft-store';
import { cx } from '../components/ui/cx';
import { useDocumentTitle } from '../components/wizard/use-document-title';
import { useRevisionStore } from '../shared/store/revision-store';
import { ROUTES } from '../shared/constants/routes';

// Revision mode's banner loads only when the draft changes an existing Sovereign.
// Shown only when a stored draft did not load as it was: its text loads with it.
const DraftResetNotice = lazy(() =>
  import('../components/wizard/draft-reset-notice').then((m) => ({ default: m.DraftResetNotice })),
);

/** The draft-reset notice, loaded only when there is something to tell. */
function DraftNotice() {
  const notice = useDraftStore((s) => s.draftNotice);
  if (!notice) return null;
  return (
    <Suspense fallback={null}>
      <DraftResetNotice />
    </Suspense>
  );
}

const RevisionBanner = lazy(() =>
  import('../components/wizard/revision-banner').then((m) => ({ default: m.RevisionBanner })),
);

/** Lets keyboard users jump past the header and the stepper. */
function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded-md focus:bg-surface focus:p-2 focus-visible:outline-2 focus-visible:outline-focus"
    >
      Skip to the step
    </a>
  );
}

/** The header: product name, the Deployments link and Start over. */
function WizardHeader({ width, onStartOver }: { width: string; onStartOver: () => void }) {
  return (
    <header className="border-b border-border bg-surface">
      <div
        className={cx(
          'mx-auto flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3',
          width,
        )}
      >
        <p className="font-semibold">
          Catalyst Bootstrap <span className="font-normal text-fg-muted">· new Sovereign</span>
        </p>
        <div className="flex items-center gap-4">
          <Link
            to={ROUTES.deployments}
            className="text-sm text-accent underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-focus"
          >
            Deployments
          </Link>
          <StartOver onConfirm={onStartOver} />
        </div>
      </div>
    </header>
  );
}

/** The step's page, once both its code and the saved draft are loaded. */
function StepPage() {
  const draftLoaded = useDraftStore((s) => s.draftLoaded);
  return (
    // Step pages load on demand: the frame and the heading paint before they arrive.
    <Suspense fallback={<p className="text-sm text-fg-muted">Loading the step…</p>}>
      {/* Fields typed before a saved draft is read would be replaced by it: wait. */}
      {draftLoaded ? <Outlet /> : <p className="text-sm text-fg-muted">Loading your draft…</p>}
    </Suspense>
  );
}

/** The revision banner, only while the draft changes an existing Sovereign. */
function RevisionNotice() {
  const changing = useRevisionStore((s) => s.base !== null);
  if (!changing) return null;
  return (
    <Suspense fallback={null}>
      <RevisionBanner />
    </Suspense>
  );
}

/** The wizard's frame: header with Start over, the stepper, the step's page, Back/Next. */
export function WizardLayout() {
  const flow = useWizardFlow();
  const visited = useDraftStore((s) => s.visited);
  const flagged = useFlaggedSteps();
  useDocumentTitle(flow.step?.title);
  // The Components step puts the dependency graph beside the list on wide screens.
  const width =
    flow.step?.id === 'components' ? 'max-w-6xl min-[96rem]:max-w-[120rem]' : 'max-w-6xl';

  return (
    <div className="min-h-screen">
      <SkipLink />
      <WizardHeader
        width={width}
        onStartOver={() => {
          flow.startOver();
          useRevisionStore.getState().setBase(null);
        }}
      />
      <div
        className={cx(
          'mx-auto grid grid-cols-[minmax(0,1fr)] gap-4 px-4 py-4 md:grid-cols-[13rem_minmax(0,1fr)] md:gap-6 md:py-6',
          width,
        )}
      >
        <Stepper current={flow.step?.id} visited={visited} flagged={flagged} />
        <main id="main" tabIndex={-1} className="min-w-0 space-y-6 focus:outline-none">
          <RevisionNotice />
          <DraftNotice />
          <ErrorSummary errors={flow.errors} />
          {flow.step ? <PageHeading title={flow.step.title}>{flow.step.lead}</PageHeading> : null}
          <StepErrorsProvider errors={flow.errors}>
            <StepPage />
          </StepErrorsProvider>
          <StepNav
            backLabel={flow.prev?.title}
            nextLabel={flow.next?.title}
            onBack={flow.prev ? flow.goBack : undefined}
            onNext={flow.next ? () => void flow.goNext() : undefined}
          />
        </main>
      </div>
    </div>
  );
}
