import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { ComponentsPage } from '../../src/pages/components-page';
import { WizardLayout } from '../../src/pages/wizard-layout';
import { useDraftStore } from '../../src/shared/store/draft-store';
import { LocationProbe, renderWithProviders } from '../render';

function ComponentsStep() {
  return (
    <>
      <Routes>
        <Route path="/wizard" element={<WizardLayout />}>
          <Route path="/wizard/components" element={<ComponentsPage />} />
          <Route path="/wizard/review" element={<p>Review stand-in</p>} />
        </Route>
      </Routes>
      <LocationProbe />
    </>
  );
}

beforeEach(() => useDraftStore.getState().reset());

describe('Blueprint registry on the Components step', () => {
  it('defaults to the upstream registry and explains what it is for', () => {
    renderWithProviders(<ComponentsStep />, { route: '/wizard/components' });
    const field = screen.getByRole('textbox', { name: 'Blueprint registry' });
    expect(field).toHaveValue('oci://ghcr.io/openova-io');
    expect(field).toHaveAccessibleDescription(/Where bp-<id> charts are pulled from/);
    expect(screen.getByRole('textbox', { name: 'Registry pull secret' })).toHaveValue('ghcr-pull');
  });

  it('refuses an https URL at Next with the message beside the field, then accepts a mirror', async () => {
    const { user } = renderWithProviders(<ComponentsStep />, { route: '/wizard/components' });
    const field = screen.getByRole('textbox', { name: 'Blueprint registry' });
    await user.clear(field);
    await user.type(field, 'https://x');
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription(/Blueprint registry: an OCI URL oci:\/\//);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(
      '/wizard/components',
    );

    await user.clear(field);
    await user.type(field, 'oci://harbor.airgap.example/openova');
    expect(useDraftStore.getState().draft.blueprints.registry).toBe(
      'oci://harbor.airgap.example/openova',
    );
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('/wizard/review'),
    );
  });
});
