// /deployments: every deployment this API has accepted, newest first.
import { DeploymentsHeader } from '../components/deployments/app-header';
import { DeploymentsList } from '../components/deployments/deployments-list';
import { useDocumentTitle } from '../components/wizard/use-document-title';

/** The list of past deployments; lazily routed. */
export function DeploymentsPage() {
  useDocumentTitle('Deployments');
  return (
    <div className="min-h-screen">
      <DeploymentsHeader subtitle="deployments" />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <h1 className="text-2xl font-semibold">Deployments</h1>
        <DeploymentsList />
      </main>
    </div>
  );
}
