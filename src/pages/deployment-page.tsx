// /deployments/:id: one deployment's live progress.
import { DeploymentProgress } from '../components/deployments/deployment-progress';
import { RouteParamPage } from './route-param-page';

/** A deployment's progress page; lazily routed. */
export function DeploymentPage() {
  return (
    <RouteParamPage param="id" subtitle="deployment" title={() => 'Deployment'}>
      {(id) => <DeploymentProgress key={id} id={id} />}
    </RouteParamPage>
  );
}
