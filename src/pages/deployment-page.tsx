// /deployments/:id: one deployment's live progress.
import { useParams } from 'react-router';
import { DeploymentsHeader } from '../components/deployments/app-header';
import { DeploymentProgress } from '../components/deployments/deployment-progress';
import { useDocumentTitle } from '../components/wizard/use-document-title';

/** A deployment's progress page; lazily routed. */
export function DeploymentPage() {
  const { id = '' } = useParams();
  useDocumentTitle('Deployment');
  return (
    <div className="min-h-screen">
      <DeploymentsHeader subtitle="deployment" />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <DeploymentProgress key={id} id={id} />
      </main>
    </div>
  );
}
