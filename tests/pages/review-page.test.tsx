import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDraftStore } from '../../src/shared/store/draft-store';
import { useSecretsStore } from '../../src/shared/store/secrets-store';
import { renderWithProviders, WizardRoutes } from '../render';

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
});

describe('Review step', () => {
  it('lists every remaining problem as a link to its step and field', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/review' });
    const problems = screen.getByRole('region', { name: /problems remain/ });
    const link = within(problems).getByRole('link', {
      name: 'Infrastructure: Sovereign name is required',
    });
    expect(link).toHaveAttribute(
      'href',
      '/wizard/infrastructure#field-infrastructure-sovereignName',
    );
    expect(
      within(problems).getByRole('link', { name: 'DNS: Subdomain is required' }),
    ).toHaveAttribute('href', '/wizard/dns#field-dns-subdomain');

    await user.click(link);
    const name = await screen.findByLabelText('Sovereign name');
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleDescription(/Sovereign name is required/);
  });

  it('summarises every step with an Edit link, defaults included, and never shows a secret', () => {
    useSecretsStore.getState().setSecret('providerToken', 'TOPSECRET'.repeat(7));
    renderWithProviders(<WizardRoutes />, { route: '/wizard/review' });
    for (const title of ['Infrastructure', 'Storage tier', 'DNS', 'Components']) {
      const section = screen.getByRole('region', { name: title });
      expect(within(section).getByRole('link', { name: `Edit ${title}` })).toBeVisible();
    }
    expect(
      screen.getByText('Zoned: Two regions, each split into DMZ, RTZ and MGMT zones.'),
    ).toBeVisible();
    expect(screen.getByText('catalyst-cold-archive')).toBeVisible();
    expect(screen.getByText('entered (kept in memory only)')).toBeVisible();
    expect(document.body.textContent).not.toContain('TOPSECRET');
    for (const slot of ['Dependency graph', 'Export', 'Provision']) {
      expect(screen.getByRole('region', { name: slot })).toBeVisible();
    }
  });
});
