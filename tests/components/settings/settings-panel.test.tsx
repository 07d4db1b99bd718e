// The settings form: generated from the table, typed text kept and judged with the field's name,
// reset per field, the YAML editor validated, the merged values shown, the card's "Settings"
// disclosure loading the panel on demand and marking the card changed, and Review's list.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CatalogSections } from '../../../src/components/catalog/catalog-sections';
import { EMPTY_FILTER } from '../../../src/components/catalog/catalog-filter';
import { componentStatuses } from '../../../src/components/catalog/component-status';
import { SettingsChanges } from '../../../src/components/settings/settings-changes';
import { SettingsDisclosure } from '../../../src/components/settings/settings-disclosure';
import { SettingsPanel } from '../../../src/components/settings/settings-panel';
import { CATALOG_INDEX } from '../../../src/shared/lib/catalog-graph';
import { resolveSelection } from '../../../src/shared/lib/resolve-selection';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { renderWithProviders } from '../../render';

const settingsOf = (id: 'cnpg' | 'harbor') =>
  useDraftStore.getState().draft.components.settings?.[id];

describe('SettingsPanel', () => {
  it('keeps typed text, names the field in its error and resets to the default', async () => {
    const { user } = renderWithProviders(<SettingsPanel id="cnpg" />);
    const panel = screen.getByRole('region', { name: 'CloudNative PG settings' });
    const instances = within(panel).getByLabelText('Instances');
    await user.clear(instances);
    await user.type(instances, '12');
    expect(instances).toHaveValue('12');
    expect(instances).toHaveAccessibleDescription(
      expect.stringContaining('Instances must be at most 9'),
    );
    expect(settingsOf('cnpg')).toEqual({ instances: 12 });
    await user.clear(instances);
    await user.type(instances, '5x');
    expect(instances).toHaveValue('5x');
    expect(within(panel).getByText('Instances: enter a number')).toBeInTheDocument();
    await user.clear(instances);
    await user.type(instances, '5');
    expect(instances).not.toHaveAttribute('aria-invalid');
    const storage = within(panel).getByLabelText('Storage');
    await user.clear(storage);
    await user.type(storage, '100Gi');
    expect(settingsOf('cnpg')).toEqual({ instances: 5, storage: '100Gi' });
    await user.click(within(panel).getByRole('button', { name: 'Reset Instances to default' }));
    expect(settingsOf('cnpg')).toEqual({ storage: '100Gi' });
    expect(within(panel).getByLabelText('Instances')).toHaveValue('3');
  });

  it('validates the chart values as YAML and shows the merged values', async () => {
    const { user } = renderWithProviders(<SettingsPanel id="harbor" />);
    const panel = screen.getByRole('region', { name: 'Harbor settings' });
    const yaml = within(panel).getByLabelText('Advanced: chart values (YAML)');
    await user.type(yaml, 'core: [[');
    expect(within(panel).getByText(/Chart values: not valid YAML/)).toBeInTheDocument();
    await user.clear(yaml);
    await user.type(yaml, 'logLevel: debug');
    expect(useDraftStore.getState().draft.components.values?.harbor).toEqual({ logLevel: 'debug' });
    await user.type(within(panel).getByLabelText('Hostname'), 'registry.acme.example');
    const merged = within(panel).getByRole('heading', { name: 'Merged chart values' });
    expect(merged.nextElementSibling?.textContent).toContain('core: registry.acme.example');
    expect(merged.nextElementSibling?.textContent).toContain('logLevel: debug');
  });
});

describe('Settings on the card and on Review', () => {
  it("refuses chart values the chart's values schema refuses, naming the path", async () => {
    act(() => {
      const { draft } = useDraftStore.getState();
      useDraftStore.setState({
        draft: { ...draft, components: { ...draft.components, chosen: ['cnpg'] } },
      });
    });
    const { user } = renderWithProviders(<SettingsPanel id="cnpg" />);
    const panel = screen.getByRole('region', { name: 'CloudNative PG settings' });
    const yaml = within(panel).getByLabelText('Advanced: chart values (YAML)');
    expect(yaml).toHaveAccessibleDescription(
      expect.stringContaining('Checked against the values schema of cloudnative-pg 0.28.0'),
    );
    // The validator loads with the editor; once it is there, a wrong type is refused.
    await user.type(yaml, 'replicaCount: two');
    expect(
      await within(panel).findByText(
        'Chart values: values.replicaCount: must be integer (cloudnative-pg 0.28.0 values schema)',
      ),
    ).toBeInTheDocument();
    expect(useDraftStore.getState().draft.components.values?.cnpg).not.toEqual({
      replicaCount: 'two',
    });
    await user.clear(yaml);
    await user.type(yaml, 'replicaCount: 3');
    expect(yaml).not.toHaveAttribute('aria-invalid');
    expect(useDraftStore.getState().draft.components.values?.cnpg).toEqual({ replicaCount: 3 });
  });

  it("opens and focuses the field a link names (Review's problem links)", async () => {
    renderWithProviders(<SettingsDisclosure id="cnpg" name="CloudNative PG" />, {
      route: '/wizard/components#field-components-settings-cnpg-instances',
    });
    const instances = await screen.findByLabelText('Instances');
    await vi.waitFor(() => expect(instances).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Settings of CloudNative PG' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('opens the panel on demand and marks the card changed', async () => {
    act(() => useDraftStore.getState().reset());
    const resolved = resolveSelection(
      CATALOG_INDEX,
      useDraftStore.getState().draft.components.chosen,
    );
    const { user } = renderWithProviders(
      <CatalogSections
        filter={EMPTY_FILTER}
        installed={resolved.installed}
        statuses={componentStatuses(CATALOG_INDEX, resolved)}
        onToggle={() => {}}
      />,
    );
    const card = screen.getByRole('listitem', { name: 'CloudNative PG' });
    expect(within(card).queryByText('Settings changed from defaults')).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'Settings of CloudNative PG' }));
    const instances = await within(card).findByLabelText('Instances');
    await user.clear(instances);
    await user.type(instances, '5');
    expect(within(card).getByText('Settings changed from defaults')).toBeInTheDocument();
  });

  it('lists the differences from the defaults', () => {
    act(() => {
      useDraftStore.getState().reset();
      useDraftStore
        .getState()
        .setComponentConfig('cnpg', 'settings', { instances: 5, storage: '100Gi' });
    });
    const resolved = resolveSelection(
      CATALOG_INDEX,
      useDraftStore.getState().draft.components.chosen,
    );
    renderWithProviders(<SettingsChanges installed={resolved.installed} />);
    const list = screen.getByRole('region', { name: 'Changed settings' });
    expect(within(list).getByRole('listitem')).toHaveTextContent(
      'cnpg: Instances 3 → 5, Storage 20Gi → 100Gi',
    );
  });
});
