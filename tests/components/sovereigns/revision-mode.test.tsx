// Revision mode in the wizard: the fields fixed after creation are disabled with why, and the
// banner names the Sovereign and revision, and asks before it stops changing it.
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_REASON, useRevisionStore } from '../../../src/shared/store/revision-store';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';
import { WizardRoutes, renderWithProviders } from '../../render';
import { draftWith, openRevision } from './fixtures';

afterEach(() => useRevisionStore.getState().setBase(null));

describe('revision mode on the Infrastructure step', () => {
  it('disables the name, the provider and existing regions’ locations, saying why', async () => {
    openRevision(draftWith());
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const name = await screen.findByLabelText('Sovereign name');
    expect(name).toBeDisabled();
    expect(name).toHaveAccessibleDescription(LOCK_REASON);
    const providers = within(screen.getByRole('group', { name: 'Cloud provider' }));
    for (const radio of providers.getAllByRole('radio')) expect(radio).toBeDisabled();
    const locations = screen.getAllByRole('combobox', { name: 'Hetzner Cloud region' });
    expect(locations).toHaveLength(2);
    for (const location of locations) {
      expect(location).toBeDisabled();
      expect(location).toHaveAccessibleDescription(LOCK_REASON);
    }
    // What a revision may change stays editable, and a region it adds is placed freely.
    expect(screen.getByLabelText('Organisation name')).toBeEnabled();
    await user.click(screen.getByRole('radio', { name: /^Triangle/ }));
    const after = screen.getAllByRole('combobox', { name: 'Hetzner Cloud region' });
    expect(after.map((l) => (l as HTMLSelectElement).disabled)).toEqual([true, true, false]);
  });

  it('leaves every field editable for a new Sovereign', async () => {
    useDraftStore.getState().replaceDraft(draftWith());
    renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    expect(await screen.findByLabelText('Sovereign name')).toBeEnabled();
    for (const location of screen.getAllByRole('combobox', { name: 'Hetzner Cloud region' }))
      expect(location).toBeEnabled();
    expect(screen.queryByText(LOCK_REASON)).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Revision mode' })).not.toBeInTheDocument();
  });
});

describe('the revision banner', () => {
  it('names the Sovereign and base revision, and "Stop changing" asks first', async () => {
    openRevision(
      draftWith(),
      draftWith((d) => (d.infrastructure.organization.name = 'Acme 2')),
      3,
    );
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/dns' });
    const banner = await screen.findByRole('region', { name: 'Revision mode' });
    expect(banner).toHaveTextContent('Changing acme, from revision 3');

    await user.click(within(banner).getByRole('button', { name: 'Stop changing' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop changing acme?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep changing' }));
    expect(useRevisionStore.getState().base?.revision).toBe(3);

    await user.click(within(banner).getByRole('button', { name: 'Stop changing' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Stop changing acme?' })).getByRole('button', {
        name: 'Stop changing',
      }),
    );
    expect(useRevisionStore.getState().base).toBeNull();
    expect(screen.queryByRole('region', { name: 'Revision mode' })).not.toBeInTheDocument();
    // Nothing else changed: the edited draft is still there.
    expect(useDraftStore.getState().draft.infrastructure.organization.name).toBe('Acme 2');
  });
});

describe('"Keep the stored secrets"', () => {
  it('lets a step with an empty provider token go on, as the stored token is used', async () => {
    openRevision(draftWith());
    useSecretsStore.getState().setSecret('providerToken', '');
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const banner = await screen.findByRole('region', { name: 'Revision mode' });
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    expect(await screen.findByLabelText('Hetzner Cloud API token')).toHaveAccessibleDescription(
      /Hetzner Cloud API token is required/,
    );
    expect(screen.getByLabelText('location')).toHaveTextContent('/wizard/infrastructure');

    await user.click(within(banner).getByRole('checkbox', { name: /Keep the stored secrets/ }));
    expect(screen.getByLabelText('Hetzner Cloud API token')).not.toHaveAccessibleDescription(
      /is required/,
    );
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    expect(await screen.findByText('/wizard/storage')).toBeInTheDocument();
  });
});
