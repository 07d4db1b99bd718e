import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { COMPONENTS } from '../../../src/shared/constants/components';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { renderWithProviders, WizardRoutes } from '../../render';

/** Solo on the smallest Hetzner nodes with every component chosen: far too big. */
function tooBig() {
  const s = useDraftStore.getState();
  s.reset();
  s.setTopology('solo');
  s.setChosen(COMPONENTS.filter((c) => c.tier !== 'mandatory').map((c) => c.id));
  s.updateRegion(0, {
    controlPlane: { size: 'cx23', ha: false },
    workers: { size: 'cx23', count: 1 },
  });
}

const workers = () => useDraftStore.getState().draft.infrastructure.regions[0]!.workers;

beforeEach(tooBig);

describe('Infrastructure step: region load and "Fit nodes to load"', () => {
  it('shows CPU, memory and disk of the region as text with percentages', async () => {
    renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const load = await screen.findByRole('group', { name: 'Load of region 1' });
    expect(within(load).getByText('CPU')).toBeVisible();
    expect(within(load).getByText('Memory')).toBeVisible();
    expect(within(load).getByText('Disk')).toBeVisible();
    expect(within(load).getByText(/of 3\.6 vCPU \(\d{3,}%\)/)).toBeVisible();
    expect(within(load).getByText(/Over capacity/)).toBeVisible();
  });

  it('applies the cheapest fit in one click and Undo restores the previous workers', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const region = screen.getByRole('group', { name: /^Region 1/ });
    const fit = await within(region).findByRole('button', { name: 'Fit nodes to load' });
    await user.click(fit);

    const after = workers();
    expect(after).not.toEqual({ size: 'cx23', count: 1 });
    const status = within(region).getByRole('status');
    expect(status).toHaveTextContent(
      new RegExp(
        `Workers set to ${after.count} × ${after.size}.*CPU \\d+%, memory \\d+%, disk \\d+%`,
      ),
    );
    const load = within(region).getByRole('group', { name: 'Load of region 1' });
    expect(within(load).queryByText(/Over capacity/)).not.toBeInTheDocument();
    expect(within(region).getByLabelText('Worker count')).toHaveValue(after.count);
    expect(fit).toBeDisabled();

    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(workers()).toMatchObject({ size: 'cx23', count: 1 });
    expect(workers().volumeGb).toBeUndefined();
    await waitFor(() => expect(status).toHaveTextContent('Restored 1 × cx23.'));
    expect(within(load).getByText(/Over capacity/)).toBeVisible();
    expect(fit).toBeEnabled();
  });

  it('an extra volume per worker adds disk and cost, and emptying the field removes it', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const region = screen.getByRole('group', { name: /^Region 1/ });
    const load = await within(region).findByRole('group', { name: 'Load of region 1' });
    expect(within(load).getByText(/of 66 GiB/)).toBeVisible();
    const volume = within(region).getByLabelText('Extra volume per worker (GB)');
    await user.type(volume, '100');
    expect(workers().volumeGb).toBe(100);
    expect(within(load).getByText(/of 150 GiB/)).toBeVisible();
    expect(screen.getByText(/^Nodes cost/)).toHaveTextContent(/€12\.38 per month/);
    await user.clear(volume);
    expect(workers().volumeGb).toBeUndefined();
  });
});
