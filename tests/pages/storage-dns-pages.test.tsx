import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDraftStore } from '../../src/shared/store/draft-store';
import { useSecretsStore } from '../../src/shared/store/secrets-store';
import { renderWithProviders, WizardRoutes } from '../render';

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
});

describe('Storage step', () => {
  it('asks for the R2 account id, or a region for the other backends', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/storage' });
    expect(screen.getByLabelText('Cloudflare account id')).toBeVisible();
    expect(screen.queryByLabelText('Cold-tier region')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /AWS S3 Glacier/ }));
    expect(screen.getByLabelText('Cold-tier region')).toBeVisible();
    expect(screen.queryByLabelText('Cloudflare account id')).not.toBeInTheDocument();
  });

  it('names an out-of-range replica count after Next', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/storage' });
    const masters = screen.getByLabelText('Master replicas');
    await user.clear(masters);
    await user.type(masters, '9');
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    expect(
      await screen.findByRole('link', { name: 'Master replicas must be at most 5' }),
    ).toBeVisible();
    expect(masters).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the S3 endpoint and the installed components that use it', () => {
    renderWithProviders(<WizardRoutes />, { route: '/wizard/storage' });
    expect(screen.getByText('seaweedfs-s3.storage.svc:8333')).toBeVisible();
    expect(screen.getByText('velero-backups')).toBeVisible();
  });
});

describe('DNS step', () => {
  it('previews the pool domain and shows the nameservers for a manual domain', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/dns' });
    await user.type(screen.getByLabelText('Subdomain', { exact: true }), 'acme');
    expect(screen.getByText('acme.omani.works')).toBeVisible();
    await user.click(screen.getByRole('radio', { name: /set by hand/ }));
    expect(screen.getByText('ns1.openova.io')).toBeVisible();
  });

  it('checks the registrar token format in API mode, in memory only', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/dns' });
    await user.click(screen.getByRole('radio', { name: /via registrar API/ }));
    await user.type(screen.getByLabelText('Domain', { exact: true }), 'acme.example');
    await user.type(screen.getByLabelText('Cloudflare API token'), 'too-short');
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    expect(
      await screen.findByRole('link', {
        name: /Cloudflare API token: A Cloudflare API token is 40 characters/,
      }),
    ).toBeVisible();
    expect(JSON.stringify(localStorage)).not.toContain('too-short');
  });
});
