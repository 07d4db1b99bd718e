import { Link } from 'react-router';
import { useDocumentTitle } from '../components/wizard/use-document-title';
import { ROUTES } from '../shared/constants/routes';

/** Any path the app does not know. */
export function NotFound() {
  useDocumentTitle('Page not found');
  return (
    <main className="mx-auto max-w-xl space-y-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-fg-muted">There is nothing at this address.</p>
      <Link
        to={ROUTES.home}
        className="text-accent underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      >
        Continue setting up your Sovereign
      </Link>
    </main>
  );
}
