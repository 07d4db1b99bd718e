import { renderWithProviders } from '../render';
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ComponentsPage } from '../../src/pages/components-page';
import { useDraftStore } from '../../src/shared/store/draft-store';

const card = (name: string) => screen.getByRole('listitem', { name });
const toggle = (name: string) => screen.getByRole('checkbox', { name: `Install ${name}` });
const chosen = () => useDraftStore.getState().draft.components.chosen;

describe('ComponentsPage', () => {
  it('shows every family as a section with its installed count', () => {
    renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    const cortex = screen.getByRole('region', { name: /Cortex/ });
    expect(within(cortex).getByRole('heading', { level: 2 })).toHaveTextContent('Cortex');
    expect(within(cortex).getByText('AI')).toBeInTheDocument();
    // Cortex: kserve (mandatory), knative (locked by kserve), axon (recommended) of 10.
    expect(within(cortex).getByText(/of 10 installed/)).toHaveTextContent('3 of 10 installed');
  });

  it('choosing LibreChat installs its dependencies, says why and announces it', async () => {
    const { user } = renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    expect(toggle('FerretDB')).not.toBeChecked();
    await user.click(toggle('LibreChat'));

    expect(toggle('LibreChat')).toBeChecked();
    expect(within(card('LibreChat')).getByText('Chosen')).toBeInTheDocument();
    for (const dep of ['FerretDB', 'BGE', 'LLM Gateway', 'vLLM']) {
      expect(toggle(dep)).toBeChecked();
      expect(within(card(dep)).getByText('Required by LibreChat')).toBeInTheDocument();
    }
    expect(screen.getByRole('status')).toHaveTextContent(
      'Added LibreChat with BGE, FerretDB, LLM Gateway and vLLM',
    );
    expect(chosen()).toContain('librechat');
    expect(chosen()).not.toContain('ferretdb');
  });

  it('removing FerretDB asks first, names LibreChat, and Cancel changes nothing', async () => {
    const { user } = renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    await user.click(toggle('LibreChat'));
    const before = chosen();

    await user.click(toggle('FerretDB'));
    const dialog = screen.getByRole('dialog', { name: 'Remove FerretDB?' });
    expect(within(dialog).getByText(/LibreChat needs FerretDB/)).toBeInTheDocument();
    const list = within(dialog).getByRole('list', { name: 'Components to remove' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['BGE', 'FerretDB', 'LibreChat (chosen by you)', 'LLM Gateway', 'vLLM']);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(chosen()).toEqual(before);
    expect(toggle('FerretDB')).toBeChecked();
    expect(toggle('FerretDB')).toHaveFocus();
  });

  it('confirming the removal drops FerretDB and LibreChat', async () => {
    const { user } = renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    await user.click(toggle('LibreChat'));
    await user.click(toggle('FerretDB'));
    const dialog = screen.getByRole('dialog', { name: 'Remove FerretDB?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove 5 components' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    for (const name of ['FerretDB', 'LibreChat', 'vLLM']) {
      expect(toggle(name)).not.toBeChecked();
      expect(within(card(name)).getByText('Not installed')).toBeInTheDocument();
    }
    expect(chosen()).not.toContain('librechat');
    expect(toggle('FerretDB')).toHaveFocus();
  });

  it('removes a chosen component without dependents at once and announces it', async () => {
    const { user } = renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    expect(toggle('Grafana')).toBeChecked();
    await user.click(toggle('Grafana'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(toggle('Grafana')).not.toBeChecked();
    expect(chosen()).not.toContain('grafana');
    expect(screen.getByRole('status')).toHaveTextContent('Removed Grafana');
  });

  it('removing a chosen LibreChat drops the dependencies only it needed', async () => {
    const { user } = renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    await user.click(toggle('LibreChat'));
    await user.click(toggle('LibreChat'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(toggle('FerretDB')).not.toBeChecked();
    expect(toggle('Keycloak')).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Removed LibreChat; also removed BGE, FerretDB, LLM Gateway and vLLM',
    );
  });

  it('disables the toggles of mandatory and locked components and says why', () => {
    renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    expect(toggle('Velero')).toBeDisabled();
    expect(toggle('Velero')).toBeChecked();
    expect(toggle('Velero')).toHaveAccessibleDescription('Mandatory: always installed');
    expect(toggle('SeaweedFS')).toBeDisabled();
    expect(toggle('Keycloak')).toBeDisabled();
    expect(toggle('Keycloak')).toHaveAccessibleDescription('Locked: required by mandatory Gitea');
    expect(toggle('LibreChat')).toBeEnabled();
  });

  it('updates the chosen and installed counters', async () => {
    const { user } = renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    const counts = screen.getByRole('list', { name: 'Selection counts' });
    const number = (re: RegExp) => Number(within(counts).getByText(re).textContent?.split(' ')[0]);
    const chosenBefore = number(/chosen by you/);
    const installedBefore = number(/of 67 installed/);

    await user.click(toggle('LibreChat'));
    expect(number(/chosen by you/)).toBe(chosenBefore + 1);
    expect(number(/of 67 installed/)).toBe(installedBefore + 5);
    const cortex = screen.getByRole('region', { name: /Cortex/ });
    expect(within(cortex).getByText(/of 10 installed/)).toHaveTextContent('7 of 10 installed');
  });

  it('filters by search text and tier', async () => {
    const { user } = renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    await user.type(screen.getByRole('searchbox', { name: 'Search components' }), 'ferret');
    expect(await screen.findByRole('listitem', { name: 'FerretDB' })).toBeInTheDocument();
    expect(screen.queryByRole('listitem', { name: 'LibreChat' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('region', { name: /./ })).toHaveLength(2); // Fabric + capacity

    await user.clear(screen.getByRole('searchbox', { name: 'Search components' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tier' }), 'mandatory');
    expect(await screen.findByRole('listitem', { name: 'Velero' })).toBeInTheDocument();
    expect(screen.queryByRole('listitem', { name: 'LibreChat' })).not.toBeInTheDocument();
  });

  it('shows the capacity summary next to the catalog', async () => {
    const { user } = renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    const summary = screen.getByRole('region', { name: 'Capacity and cost' });
    const before = within(summary).getByText(/components request/).textContent;
    await user.click(toggle('LibreChat'));
    expect(within(summary).getByText(/components request/).textContent).not.toBe(before);
  });
});
