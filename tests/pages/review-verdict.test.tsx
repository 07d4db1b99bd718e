// Review gives the API's verdict (issue 11, item 1): a plan whose cluster needs more than its
// nodes offer is not "Ready", names the region with a link to its node field, and cannot be
// provisioned; once the nodes fit, Review says Ready and Provision is enabled.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { getProvider } from '../../src/shared/constants/domain';
import { useDraftStore } from '../../src/shared/store/draft-store';
import { renderWithProviders, WizardRoutes } from '../render';
import { loadValidDraftWithSecrets } from '../components/review/provision-fixture';

beforeEach(() => {
  loadValidDraftWithSecrets();
});

describe('Review: one verdict with the API', () => {
  it('says Ready and enables Provision for a plan the API admits', () => {
    renderWithProviders(<WizardRoutes />, { route: '/wizard/review' });
    expect(screen.getByRole('region', { name: 'Ready' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Provision' })).toBeEnabled();
  });

  it('blocks a cluster over 100 % with a link to its region’s worker size', async () => {
    const { draft, updateRegion } = useDraftStore.getState();
    const smallest = getProvider(draft.infrastructure.provider).sizes[0]!.id;
    updateRegion(0, {
      controlPlane: { size: smallest, ha: false },
      workers: { size: smallest, count: 0 },
    });
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/review' });

    expect(screen.queryByRole('region', { name: 'Ready' })).not.toBeInTheDocument();
    const problems = screen.getByRole('region', { name: /problems? remains?/i });
    const link = within(problems).getByRole('link', { name: /^Infrastructure: Nodes too small/ });
    expect(link).toHaveAttribute(
      'href',
      '/wizard/infrastructure#field-infrastructure-regions-0-workers-size',
    );
    expect(screen.getByRole('button', { name: 'Provision' })).toBeDisabled();

    await user.click(link);
    const regionOne = await screen.findByRole('group', { name: /^Region 1/ });
    const size = within(regionOne).getByLabelText(/worker size/i);
    await waitFor(() => expect(size).toHaveFocus());
  });
});
