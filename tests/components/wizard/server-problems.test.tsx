import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { useServerProblemsStore } from '../../../src/shared/store/server-problems-store';
import { renderWithProviders, WizardRoutes } from '../../render';

describe('problems the bootstrap API named', () => {
  it('show beside their field on the step until the field changes', async () => {
    useDraftStore.getState().updateDns({ subdomain: 'taken' });
    useServerProblemsStore.getState().setServerProblems(
      [
        {
          step: 'dns',
          path: 'dns.subdomain',
          message: 'Subdomain: taken.omani.works is already in use',
        },
      ],
      useDraftStore.getState().draft,
    );
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/dns' });

    const input = await screen.findByLabelText('Subdomain', { exact: true });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/already in use/);

    await user.type(input, 'x');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/already in use/)).not.toBeInTheDocument();
  });

  it('do not show on other steps', async () => {
    useServerProblemsStore
      .getState()
      .setServerProblems(
        [{ step: 'dns', path: 'dns.subdomain', message: 'Subdomain: already in use' }],
        useDraftStore.getState().draft,
      );
    renderWithProviders(<WizardRoutes />, { route: '/wizard/storage' });
    expect(await screen.findByLabelText('Master replicas')).toBeVisible();
    expect(screen.queryByText(/already in use/)).not.toBeInTheDocument();
  });
});
