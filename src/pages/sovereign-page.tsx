// /sovereigns/:name: one Sovereign's revisions, the comparison of two, and "Change this Sovereign".
import { useParams } from 'react-router';
import { DeploymentsHeader } from '../components/deployments/app-header';
import { SovereignView } from '../components/sovereigns/sovereign-view';
import { useDocumentTitle } from '../components/wizard/use-document-title';

/** A Sovereign's page; lazily routed. */
export function SovereignPage() {
  const { name = '' } = useParams();
  useDocumentTitle(`Sovereign ${name}`);
  return (
    <div className="min-h-screen">
      <DeploymentsHeader subtitle="sovereign" />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <SovereignView key={name} name={name} />
      </main>
    </div>
  );
}
