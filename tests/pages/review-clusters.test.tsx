import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDraftStore } from '../../src/shared/store/draft-store';
import { useSecretsStore } from '../../src/shared/store/secrets-store';
import { renderWithProviders, WizardRoutes } from '../render';

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
});

const MESSAGE = 'LibreChat needs a region with the rtz building block; no region carries rtz';

describe('Review: what runs on each cluster', () => {
  it("links a chosen component no region can carry to the first region's building blocks", async () => {
    const { setChosen, updateRegion, draft } = useDraftStore.getState();
    setChosen([...draft.components.chosen, 'librechat']);
    draft.infrastructure.regions.forEach((_, i) =>
      updateRegion(i, { buildingBlocks: ['mgt', 'dmz'] }),
    );
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/review' });
    const problems = screen.getByRole('region', { name: /problems remain/ });
    const link = within(problems).getByRole('link', { name: `Infrastructure: ${MESSAGE}` });
    expect(link).toHaveAttribute(
      'href',
      '/wizard/infrastructure#field-infrastructure-regions-0-buildingBlocks',
    );
    await user.click(link);
    const regionOne = await screen.findByRole('group', { name: /^Region 1/ });
    const first = within(regionOne).getAllByRole('checkbox')[0];
    await waitFor(() => expect(first).toHaveFocus());
  });

  it('lists per cluster its name, blocks and components by placement: the mgt-only region has no LibreChat', () => {
    const { setChosen, setTopology, updateInfrastructure, draft } = useDraftStore.getState();
    updateInfrastructure({ sovereignName: 'acme' });
    setTopology('triangle');
    setChosen([...draft.components.chosen, 'librechat']);
    renderWithProviders(<WizardRoutes />, { route: '/wizard/review' });
    const components = screen.getByRole('region', { name: 'Components' });
    expect(within(components).getByText('acme-hz-fsn1')).toBeVisible();
    const mgtList = within(components).getByLabelText('Components on acme-hz-fsn1');
    const dpList = within(components).getByLabelText('Components on acme-hz-nbg1');
    expect(within(mgtList).getByText(/^Management \(\d+\):$/)).toBeVisible();
    expect(mgtList).not.toHaveTextContent('LibreChat');
    expect(within(dpList).queryByText(/^Management/)).not.toBeInTheDocument();
    expect(within(dpList).getByText(/^Application \(\d+\):$/)).toBeVisible();
    expect(dpList).toHaveTextContent('LibreChat');
    expect(within(components).getByText(/blocks mgt ·/)).toBeVisible();
    expect(within(components).getAllByText(/blocks rtz, dmz ·/)).toHaveLength(2);
  });
});
