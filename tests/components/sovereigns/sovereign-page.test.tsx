// The Sovereign page: its revisions, "Change this Sovereign" (revision mode on Review), a new
// revision from an old one (roll back), and the comparison of two revisions.
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { SovereignPage } from '../../../src/pages/sovereign-page';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { useRevisionStore } from '../../../src/shared/store/revision-store';
import { LocationProbe, renderWithProviders } from '../../render';
import { NAME, addLibreChatAndWorker, draftWith, revision, sovereignHandlers } from './fixtures';

/** The test double of the API: revision 1 is the valid draft, 2 adds LibreChat and a worker. */
const server = setupServer(...sovereignHandlers([draftWith(), draftWith(addLibreChatAndWorker)]));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => useRevisionStore.getState().setBase(null));
afterAll(() => server.close());

function renderPage() {
  return renderWithProviders(
    <>
      <Routes>
        <Route path="/sovereigns/:name" element={<SovereignPage />} />
        <Route path="/wizard/review" element={<h1>Review</h1>} />
      </Routes>
      <LocationProbe />
    </>,
    { route: `/sovereigns/${NAME}` },
  );
}

describe('the Sovereign page', () => {
  it('lists the revisions, newest first, with summary, status, commit and deployment', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Sovereign acme' })).toBeVisible();
    const items = within(screen.getByRole('region', { name: 'Revisions' })).getAllByRole(
      'listitem',
    );
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Revision 2', 'Revision 1']);
    expect(items[1]).toHaveTextContent('Created');
    expect(items[1]).toHaveTextContent(revision(1).commitSha!.slice(0, 12));
    expect(items[1]).toHaveTextContent('ready-to-apply');
    expect(screen.getByRole('link', { name: 'Deployment of revision 1' })).toHaveAttribute(
      'href',
      `/deployments/${revision(1).deploymentId}`,
    );
  });

  it('"Change this Sovereign" asks, then opens the latest revision on Review as the base', async () => {
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Change this Sovereign' }));
    const dialog = screen.getByRole('dialog', { name: 'Open acme in the wizard?' });
    await user.click(within(dialog).getByRole('button', { name: 'Open in the wizard' }));
    expect(await screen.findByRole('heading', { name: 'Review' })).toBeVisible();
    expect(screen.getByLabelText('location')).toHaveTextContent('/wizard/review');
    const { base } = useRevisionStore.getState();
    expect(base?.revision).toBe(2);
    expect(base?.manifest.spec.components.map((c) => c.id)).toContain('librechat');
    expect(useDraftStore.getState().draft.components.chosen).toContain('librechat');
  });

  it('"Start a new revision from revision 1" rolls back: draft from 1, base still 2', async () => {
    const { user } = renderPage();
    await user.click(
      await screen.findByRole('button', { name: 'Start a new revision from revision 1' }),
    );
    await user.click(screen.getByRole('button', { name: 'Open in the wizard' }));
    expect(await screen.findByRole('heading', { name: 'Review' })).toBeVisible();
    expect(useRevisionStore.getState().base?.revision).toBe(2);
    expect(useDraftStore.getState().draft.components.chosen).not.toContain('librechat');
  });
});

describe('Compare', () => {
  it('compares the previous and the latest revision by default, and any two chosen', async () => {
    const { user } = renderPage();
    const compare = await screen.findByRole('region', { name: 'Compare' });
    expect(within(compare).getByRole('combobox', { name: 'From' })).toHaveValue('1');
    expect(within(compare).getByRole('combobox', { name: 'To' })).toHaveValue('2');
    const added = await within(compare).findByRole(
      'list',
      { name: 'Components added (5)' },
      { timeout: 10_000 },
    );
    expect(added).toHaveTextContent('LibreChat — Chosen by you');
    expect(within(compare).getAllByRole('group').length).toBeGreaterThan(0);

    // The other way round: LibreChat is removed, which destroys its data.
    await user.selectOptions(within(compare).getByRole('combobox', { name: 'From' }), '2');
    await user.selectOptions(within(compare).getByRole('combobox', { name: 'To' }), '1');
    expect(await within(compare).findByRole('alert')).toHaveTextContent(
      /Removing LibreChat deletes its persistent volumes/,
    );
    await user.selectOptions(within(compare).getByRole('combobox', { name: 'To' }), '2');
    expect(await within(compare).findByText('Nothing changes.')).toBeVisible();
  });
});
