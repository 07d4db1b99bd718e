import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDraftStore } from '../../src/shared/store/draft-store';
import { useSecretsStore } from '../../src/shared/store/secrets-store';
import { renderWithProviders, WizardRoutes } from '../render';

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
});

describe('Wizard layout', () => {
  it('marks the current step and disables steps not visited yet', () => {
    renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const nav = screen.getByRole('navigation', { name: 'Wizard steps' });
    expect(within(nav).getByRole('link', { name: /Infrastructure/ })).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(within(nav).queryByRole('link', { name: /DNS/ })).not.toBeInTheDocument();
    expect(within(nav).getByText(/DNS/, { selector: '[aria-disabled="true"]' })).toBeVisible();
  });

  it('Back keeps every value', async () => {
    useDraftStore.getState().markVisited('storage');
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/storage' });
    await user.clear(screen.getByLabelText('Cold-tier bucket'));
    await user.type(screen.getByLabelText('Cold-tier bucket'), 'my-archive');
    await user.click(screen.getByRole('button', { name: /^Back/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Infrastructure' })).toBeVisible();
    await user.click(screen.getByRole('link', { name: /Storage tier/ }));
    expect(await screen.findByLabelText('Cold-tier bucket')).toHaveValue('my-archive');
  });

  it('Start over asks first, then discards the draft and the secrets', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    await user.type(screen.getByLabelText('Sovereign name'), 'acme-prod');
    await user.type(screen.getByLabelText('Hetzner Cloud API token'), 'secret');

    await user.click(screen.getByRole('button', { name: 'Start over' }));
    const dialog = screen.getByRole('dialog', { name: 'Start over?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep my draft' }));
    expect(screen.getByLabelText('Sovereign name')).toHaveValue('acme-prod');

    await user.click(screen.getByRole('button', { name: 'Start over' }));
    await user.click(screen.getByRole('button', { name: 'Discard and start over' }));
    expect(screen.getByLabelText('Sovereign name')).toHaveValue('');
    expect(screen.getByLabelText('Hetzner Cloud API token')).toHaveValue('');
    expect(useSecretsStore.getState().secrets.providerToken).toBe('');
  });
});
