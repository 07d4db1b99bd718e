// The wizard tells the truth (issue 11, items 5 and 6): input kept as typed and judged, switches
// that say what they reset, secrets that stay with their provider, a refused worker count with
// no price, recommended defaults labelled as such, and hardware needs said where they are added.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { PlatformSummary } from '../../../src/components/review/platform-summary';
import { ComponentsPage } from '../../../src/pages/components-page';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';
import { renderWithProviders, WizardRoutes } from '../../render';

const TOKEN = 'A1b2C3d4'.repeat(8);

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
});

describe('Infrastructure: switches and numbers', () => {
  it('a provider switch says what it reset and leaves the Hetzner token out of the AWS field', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    await user.type(screen.getByLabelText('Hetzner Cloud API token'), TOKEN);
    await user.click(screen.getByRole('radio', { name: /^Amazon Web Services/ }));
    const status = screen
      .getAllByRole('status')
      .find((s) => s.id === 'provider-switch-notice') as HTMLElement;
    expect(status).toHaveTextContent("Amazon Web Services does not offer Hetzner Cloud's regions");
    expect(status).toHaveTextContent(/Region 1: cloud region fsn1 → eu-central-1/);
    expect(status).toHaveTextContent(/Hetzner Cloud API token stays with Hetzner Cloud/);
    expect(screen.getByLabelText(/^AWS access key/)).toHaveValue('');
    await user.click(screen.getByRole('radio', { name: /^Hetzner Cloud/ }));
    expect(screen.getByLabelText('Hetzner Cloud API token')).toHaveValue(TOKEN);
  });

  it('a topology switch to solo names the region it removed and the settings it reset', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    await user.click(screen.getByRole('radio', { name: /^Solo/ }));
    const status = screen
      .getAllByRole('status')
      .find((s) => s.id === 'topology-switch-notice') as HTMLElement;
    expect(status).toHaveTextContent('Switched to Solo.');
    expect(status).toHaveTextContent('Region 2 (nbg1) removed');
    expect(status).toHaveTextContent(
      /SeaweedFS placement Active-active across regions → Single region/,
    );
    expect(useDraftStore.getState().draft.dns.luaPolicy).toBe('single-region');
  });

  it('refuses a worker count of −1 or 3.5 at once and shows no price for it', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const [count] = screen.getAllByLabelText('Worker count');
    for (const [typed, message] of [
      ['-1', 'Worker count must be at least 0'],
      ['3.5', 'Worker count must be a whole number'],
    ] as const) {
      await user.clear(count!);
      await user.type(count!, typed);
      expect(count).toHaveAccessibleDescription(new RegExp(message));
      expect(screen.getByText(/No price yet:/)).toBeInTheDocument();
      expect(screen.queryByText(/^Nodes cost/)).not.toBeInTheDocument();
    }
    await user.clear(count!);
    await user.type(count!, '4');
    expect(count).not.toHaveAccessibleDescription(/must be/);
    expect(screen.getByText(/Nodes cost/)).toBeInTheDocument();
  });
});

describe('DNS: kept as typed', () => {
  it('keeps "Globex Corp.example" as typed and names what is wrong after Next', async () => {
    useDraftStore.getState().updateDns({ mode: 'byo-manual' });
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/dns' });
    const field = screen.getByLabelText('Domain');
    await user.type(field, 'Globex Corp.example');
    expect(field).toHaveValue('Globex Corp.example');
    expect(useDraftStore.getState().draft.dns.domain).toBe('Globex Corp.example');
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    expect(field).toHaveAccessibleDescription(/a domain has no spaces/);
  });

  it('asks for the CA Secret when the issuer is a Corporate CA', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/dns' });
    expect(screen.queryByLabelText('CA Secret')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Corporate CA' }));
    await user.type(screen.getByLabelText('CA Secret'), 'acme-root-ca');
    expect(useDraftStore.getState().draft.dns.caSecretName).toBe('acme-root-ca');
  });
});

describe('Storage: the cold-tier region is one of the backend’s', () => {
  it('offers only AWS regions for AWS S3 Glacier, and no fsn1 hint', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/storage' });
    await user.click(screen.getByRole('radio', { name: /^AWS S3 Glacier/ }));
    const region = screen.getByLabelText('Cold-tier region');
    const options = within(region)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toContain('eu-central-1');
    expect(options).not.toContain('fsn1');
    expect(region).not.toHaveAccessibleDescription(/fsn1/);
  });
});

describe('Components: honest labels', () => {
  it('first visit: the defaults read "Recommended", and nothing is "chosen by you"', () => {
    renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    const counts = screen.getByRole('list', { name: 'Selection counts' });
    expect(counts).toHaveTextContent(/\d+ recommended/);
    expect(counts).toHaveTextContent('0 chosen by you');
    const recommended = useDraftStore.getState().draft.components.chosen[0]!;
    expect(recommended).toBeTruthy();
    expect(screen.getAllByText('Recommended: on by default').length).toBeGreaterThan(0);
    expect(screen.queryByText('Chosen')).not.toBeInTheDocument();
  });

  it('adding LibreChat says vLLM needs GPU nodes, on the card and in the announcement', async () => {
    const { user } = renderWithProviders(<ComponentsPage />, { route: '/wizard/components' });
    await user.click(screen.getByRole('checkbox', { name: 'Install LibreChat' }));
    expect(screen.getByText(/^Added LibreChat with/)).toHaveTextContent(/vLLM needs GPU nodes/);
    const card = screen.getByRole('listitem', { name: 'vLLM' });
    expect(card).toHaveTextContent(/vLLM needs GPU nodes .*no node size of this plan has a GPU/);
  });
});

describe('Review: components by name, grouped by reason', () => {
  it('lists chosen, recommended, required-by and mandatory components by name', () => {
    const { chosen } = useDraftStore.getState().draft.components;
    useDraftStore.getState().setChosen([...chosen, 'librechat']);
    renderWithProviders(<PlatformSummary />, { route: '/wizard/review' });
    expect(screen.getByRole('list', { name: 'Chosen by you' })).toHaveTextContent('LibreChat');
    expect(screen.getByRole('list', { name: 'Recommended (on by default)' })).toBeInTheDocument();
    const requiredBy = screen
      .getAllByRole('list')
      .find((l) => /^Required by .*LibreChat/.test(l.getAttribute('aria-label') ?? ''));
    expect(requiredBy).toHaveTextContent('vLLM');
    expect(screen.getByRole('list', { name: 'Mandatory (always installed)' })).toHaveTextContent(
      'SeaweedFS',
    );
  });
});
