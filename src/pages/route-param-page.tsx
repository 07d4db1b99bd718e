// The shell of the lazily routed pages keyed by one route parameter (/deployments/:id,
// /sovereigns/:name): the Deployments header, the document title and a main region whose
// content is re-created whenever the parameter changes.
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { DeploymentsHeader } from '../components/deployments/app-header';
import { useDocumentTitle } from '../components/wizard/use-document-title';

export interface RouteParamPageProps {
  /** The route parameter the page shows, e.g. `id` for `/deployments/:id`. */
  param: string;
  /** The header's subtitle after "Catalyst Bootstrap ·". */
  subtitle: string;
  /** The document title for the parameter's value. */
  title: (value: string) => string;
  /** The page's content for the parameter's value (empty when the route has none). */
  children: (value: string) => ReactNode;
}

/** A page for one route parameter's value, under the Deployments header. */
export function RouteParamPage({ param, subtitle, title, children }: RouteParamPageProps) {
  const value = useParams()[param] ?? '';
  useDocumentTitle(title(value));
  return (
    <div className="min-h-screen">
      <DeploymentsHeader subtitle={subtitle} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children(value)}
      </main>
    </div>
  );
}
