// What a route shows when it fails: most often its code could not be fetched because the server
// did not answer. The draft is in localStorage, so a reload keeps it (secrets are typed again).
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button } from '../components/ui/button';

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error && /fetch|import|preload|load/i.test(error.message)) {
    return 'The code of this page could not be loaded: the server did not answer.';
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** The error element of every route: a plain explanation and a way back. */
export function RouteError() {
  const error = useRouteError();
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 p-6">
      <h1 className="text-xl font-semibold">This page could not be shown</h1>
      <p>{describe(error)}</p>
      <p className="text-sm text-fg-muted">
        Your draft is saved in this browser. Reloading keeps it; tokens and keys are kept in memory
        only, so you type them again.
      </p>
      <Button variant="primary" onClick={() => window.location.reload()}>
        Reload the page
      </Button>
    </div>
  );
}
