import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDraftStore } from '../../src/shared/store/draft-store';
import { useSecretsStore } from '../../src/shared/store/secrets-store';
import { renderWithProviders, WizardRoutes } from '../render';

const ED25519 =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJpYtvyzoe97z8JKXOWRq7AQ3MM7jYHWgou6hwWqffZ/ ops@acme';
const TOKEN = 'A1b2C3d4'.repeat(8);

function renderStep() {
  return renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
}

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
});

describe('Infrastructure step', () => {
  it('Next on the empty step lists errors naming the fields and focuses the Sovereign name', async () => {
    const { user } = renderStep();
    await user.click(screen.getByRole('button', { name: /^Next/ }));

    const summary = await screen.findByRole('region', { name: /This step has/ });
    expect(
      within(summary).getByRole('link', { name: 'Sovereign name is required' }),
    ).toHaveAttribute('href', '#field-infrastructure-sovereignName');
    expect(within(summary).getByRole('link', { name: 'Contact email is required' })).toBeVisible();
    expect(
      within(summary).getByRole('link', { name: /Hetzner Cloud API token is required/ }),
    ).toBeVisible();

    const name = screen.getByLabelText('Sovereign name');
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Sovereign name is required/);
    expect(screen.getByLabelText('location')).toHaveTextContent('/wizard/infrastructure');
  });

  it('an error link in the summary focuses its field', async () => {
    const { user } = renderStep();
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    await user.click(await screen.findByRole('link', { name: 'Contact email is required' }));
    expect(screen.getByLabelText('Contact email')).toHaveFocus();
  });

  it('typing a valid ed25519 key shows its fingerprint; an RSA-labelled ed25519 key is an error', async () => {
    const { user } = renderStep();
    const field = screen.getByLabelText('SSH public key');
    await user.click(field);
    await user.paste(ED25519);
    expect(
      await screen.findByText('SHA256:tNjrFh4iIpL33QUBmvMGnpu2HHpliX+wbNOYf3U/g9o'),
    ).toBeInTheDocument();

    await user.clear(field);
    await user.paste(ED25519.replace('ssh-ed25519', 'ssh-rsa'));
    expect(screen.queryByText(/SHA256:/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    expect(
      await screen.findByText('SSH public key: the key data does not hold a ssh-rsa key', {
        selector: 'p',
      }),
    ).toBeVisible();
  });

  it('switching the topology to Triangle shows three region fieldsets', async () => {
    const { user } = renderStep();
    expect(screen.getAllByRole('group', { name: /^Region \d/ })).toHaveLength(2);
    await user.click(screen.getByRole('radio', { name: /^Triangle/ }));
    const regions = screen.getAllByRole('group', { name: /^Region \d — / });
    expect(regions.map((r) => within(r).getByRole('combobox', { name: /region$/ }))).toHaveLength(
      3,
    );
    expect(screen.getByRole('group', { name: 'Region 1 — control plane: MGMT' })).toBeVisible();
  });

  it('keeps the provider token in memory only, never in localStorage', async () => {
    const { user } = renderStep();
    await user.type(screen.getByLabelText('Hetzner Cloud API token'), TOKEN);
    await user.type(screen.getByLabelText('Sovereign name'), 'acme-prod');
    expect(useSecretsStore.getState().secrets.providerToken).toBe(TOKEN);
    const stored = Object.keys(localStorage).map((k) => localStorage.getItem(k) ?? '');
    expect(stored.join('')).toContain('acme-prod');
    expect(stored.join('')).not.toContain(TOKEN);
  });

  it('the token input hides its value until Show is pressed', async () => {
    const { user } = renderStep();
    const input = screen.getByLabelText('Hetzner Cloud API token');
    expect(input).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(input).toHaveAttribute('type', 'text');
  });

  it('a complete step goes to Storage and marks it visited', async () => {
    const { user } = renderStep();
    await user.type(screen.getByLabelText('Sovereign name'), 'acme-prod');
    await user.type(screen.getByLabelText('Organisation name'), 'Acme');
    await user.type(screen.getByLabelText('Contact email'), 'ops@acme.example');
    await user.type(screen.getByLabelText('Hetzner Cloud API token'), TOKEN);
    await user.click(screen.getByLabelText('SSH public key'));
    await user.paste(ED25519);
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Storage tier' })).toBeVisible();
    expect(useDraftStore.getState().visited).toContain('storage');
    expect(screen.getByRole('link', { name: /Storage tier/ })).toHaveAttribute(
      'aria-current',
      'step',
    );
  });

  it('shows the monthly cost of the nodes', async () => {
    const { user } = renderStep();
    // zoned: 2 regions x (3 x cpx32 control plane at €14.49 + 4 x cpx42 workers at €25.49)
    expect(screen.getByText(/€290\.86 per month/)).toBeVisible();
    // Region 1 without HA: 1 control-plane node instead of 3 (-2 x €14.49)
    await user.click(screen.getAllByLabelText(/^Highly available control plane/)[0]!);
    expect(screen.getByText(/€261\.88 per month/)).toBeVisible();
  });
});
