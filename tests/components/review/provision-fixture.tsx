// What the Provision tests share: a valid draft with its secrets typed in, and the Review route
// beside the pages Provision can lead to (the deployment, Infrastructure), with the location shown.
import { Route, Routes } from 'react-router';
import { ProvisionSection } from '../../../src/components/review/provision-section';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';
import { validDraft } from '../../shared/lib/manifest-fixtures';
import { LocationProbe, renderWithProviders } from '../../render';

export const PROVIDER_TOKEN = 'A1b2C3d4'.repeat(8);
export const COLD_SECRET = 'cold-secret-access-key-0001';

/** Resets the stores to the valid draft and types its three secrets. */
export function loadValidDraftWithSecrets(): void {
  useDraftStore.getState().reset();
  useDraftStore.getState().replaceDraft(validDraft());
  const s = useSecretsStore.getState();
  s.clearSecrets();
  s.setSecret('providerToken', PROVIDER_TOKEN);
  s.setSecret('coldAccessKeyId', 'AKIAEXAMPLEKEY123456');
  s.setSecret('coldSecretAccessKey', COLD_SECRET);
}

/** The Provision section on /wizard/review, with the routes it navigates to. */
export function renderProvisionSection() {
  return renderWithProviders(
    <>
      <Routes>
        <Route path="/wizard/review" element={<ProvisionSection />} />
        <Route path="/deployments/:id" element={<h1>Deployment page</h1>} />
        <Route path="/wizard/infrastructure" element={<h1>Infrastructure</h1>} />
      </Routes>
      <LocationProbe />
    </>,
    { route: '/wizard/review' },
  );
}
