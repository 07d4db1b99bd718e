import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DRAFT_STORAGE_KEY, useDraftStore } from '../../src/shared/store/draft-store';
import { renderWithProviders, WizardRoutes } from '../render';
import { CORRUPTED_DRAFT, hostileDraft, saved, savedState } from '../shared/store/stored-drafts';

/** Saves `raw` as the draft and loads it the way a page load does. */
async function load(raw: string): Promise<void> {
  localStorage.setItem(DRAFT_STORAGE_KEY, raw);
  await useDraftStore.persist.rehydrate();
}

describe('Wizard layout with a saved draft that did not load as it was', () => {
  it('renders the step with what was kept and says how many fields were reset', async () => {
    await load(hostileDraft());
    renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });

    const notice = await screen.findByRole('status', {
      name: 'Your saved draft was from an older version: 4 fields were reset.',
    });
    expect(notice).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Infrastructure' })).toBeVisible();
    expect(screen.getByLabelText('Sovereign name')).toHaveValue('acme');
  });

  it('says a corrupted draft could not be read', async () => {
    await load(CORRUPTED_DRAFT);
    renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });

    expect(
      await screen.findByRole('status', {
        name: 'Your saved draft could not be read and was reset.',
      }),
    ).toBeVisible();
    expect(screen.getByLabelText('Sovereign name')).toHaveValue('');
  });

  it('is dismissed once and for all, focus going to the step heading', async () => {
    await load(hostileDraft());
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });

    await user.click(await screen.findByRole('button', { name: 'Dismiss' }));

    expect(screen.queryByRole('status', { name: /saved draft/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Infrastructure' })).toHaveFocus();
  });

  it('shows no notice for a draft that loaded as it was', async () => {
    await load(saved(savedState()));
    renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });

    expect(screen.getByLabelText('Sovereign name')).toHaveValue('acme');
    expect(screen.queryByRole('status', { name: /saved draft/ })).not.toBeInTheDocument();
  });

  it('waits for the saved draft before showing the step fields, then shows the notice', async () => {
    // As on a page load: the store starts not loaded (earlier tests have loaded it already).
    useDraftStore.setState({ draftLoaded: false });
    localStorage.setItem(DRAFT_STORAGE_KEY, hostileDraft());
    const loading = useDraftStore.persist.rehydrate();
    renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });

    expect(screen.getByText('Loading your draft…')).toBeVisible();
    expect(screen.queryByLabelText('Sovereign name')).not.toBeInTheDocument();

    await act(() => loading);

    expect(screen.getByLabelText('Sovereign name')).toHaveValue('acme');
    expect(screen.getByRole('status', { name: /4 fields were reset/ })).toBeVisible();
  });
});
