import { renderWithProviders } from '../../render';
import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { CapacitySummary } from '../../../src/components/catalog/capacity-summary';
import { useResolvedSelection } from '../../../src/components/catalog/use-selection';
import { useDraftStore } from '../../../src/shared/store/draft-store';

function Summary({ headingLevel }: { headingLevel?: 2 | 3 }) {
  return (
    <CapacitySummary installed={useResolvedSelection().installed} headingLevel={headingLevel} />
  );
}

/** Sets every region's control plane and workers to one size. */
function sizeAllRegions(size: string, workers: number, ha: boolean) {
  const { draft, updateRegion } = useDraftStore.getState();
  draft.infrastructure.regions.forEach((_, i) =>
    updateRegion(i, { controlPlane: { size, ha }, workers: { size, count: workers } }),
  );
}

describe('CapacitySummary', () => {
  it('reports nodes that are too small, with the numbers, and the cost of the nodes', () => {
    renderWithProviders(<Summary />, { route: '/wizard/components' });
    act(() => sizeAllRegions('cx23', 1, false));
    const summary = screen.getByRole('region', { name: 'Capacity and cost' });
    expect(
      within(summary).getByText('Nodes too small for the installed components'),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText(/Region 1 \(fsn1\): CPU [\d.]+ vCPU requested of 3\.60 vCPU/),
    ).toBeInTheDocument();
    expect(within(summary).getAllByText(/of 3\.6 vCPU/)).toHaveLength(2);
    // Two regions, two cx23 each at €3.99: exact Hetzner prices, so no "≈".
    expect(within(summary).getByText('€15.96')).toBeInTheDocument();
    expect(within(summary).queryByText(/≈/)).not.toBeInTheDocument();
  });

  it('warns above 80% without calling it an error', () => {
    renderWithProviders(<Summary />, { route: '/wizard/components' });
    act(() => sizeAllRegions('ccx23', 3, true));
    const summary = screen.getByRole('region', { name: 'Capacity and cost' });
    expect(within(summary).getByText('Nodes nearly full (above 80%)')).toBeInTheDocument();
    expect(within(summary).queryByText(/Nodes too small/)).not.toBeInTheDocument();
  });

  it('shows no warning when the nodes are large enough', () => {
    renderWithProviders(<Summary />, { route: '/wizard/components' });
    act(() => sizeAllRegions('ccx43', 3, true));
    const summary = screen.getByRole('region', { name: 'Capacity and cost' });
    expect(within(summary).queryByText(/Nodes (too small|nearly full)/)).not.toBeInTheDocument();
  });

  it('marks the cost as approximate when a price is an estimate', () => {
    renderWithProviders(<Summary />, { route: '/wizard/components' });
    act(() => useDraftStore.getState().setProvider('aws'));
    const summary = screen.getByRole('region', { name: 'Capacity and cost' });
    // Two regions of 3 control-plane m6i.xlarge at ≈ €164 + 4 worker m6i.2xlarge at ≈ €328.
    expect(within(summary).getByText(/≈\s*€3,608\.00/)).toBeInTheDocument();
    expect(within(summary).getByText(/converted from the provider/)).toBeInTheDocument();
  });

  it('takes a heading level so it nests under another heading', () => {
    renderWithProviders(<Summary headingLevel={3} />, { route: '/wizard/components' });
    expect(
      screen.getByRole('heading', { level: 3, name: 'Capacity and cost' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: /Region 1/ })).toBeInTheDocument();
  });
});
