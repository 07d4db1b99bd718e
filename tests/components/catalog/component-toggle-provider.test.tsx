// The Components step with the graph beside the list: one toggle owner, so one live region and
// one removal dialog, whichever view made the change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../render';
import { fakeMediaQueryList } from '../../media-query';
import { ComponentsPage } from '../../../src/pages/components-page';

const wideScreen = (query: string) => fakeMediaQueryList(query, true);

describe('ComponentToggleProvider on the Components step', () => {
  beforeEach(() => {
    vi.spyOn(window, 'matchMedia').mockImplementation(wideScreen);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('has exactly one status region and one removal dialog with the graph shown', async () => {
    const { user } = renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    const graph = await screen.findByRole(
      'region',
      { name: 'Dependency graph' },
      { timeout: 5000 },
    );
    expect(within(graph).queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getAllByRole('status')).toHaveLength(1);
    // Closed <dialog>s are hidden from the accessibility tree; count them all the same.
    expect(screen.getAllByRole('dialog', { hidden: true })).toHaveLength(1);

    await user.click(screen.getByRole('checkbox', { name: 'Install LibreChat' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Added LibreChat with BGE, FerretDB, LLM Gateway and vLLM',
    );

    await user.click(screen.getByRole('checkbox', { name: 'Install FerretDB' }));
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(screen.getByRole('dialog', { name: 'Remove FerretDB?' })).toBeInTheDocument();
    // The graph is a lazy chunk: on a loaded machine finding it alone can take the default 5 s.
  }, 15_000);
});
