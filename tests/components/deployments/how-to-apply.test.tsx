import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HowToApply } from '../../../src/components/deployments/how-to-apply';
import { renderWithProviders } from '../../render';

function stubApi(provider: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      const body = url.endsWith('/manifest')
        ? {
            metadata: { name: 'acme' },
            spec: { infrastructure: { provider }, dns: { mode: 'pool' } },
          }
        : {
            url: 'http://127.0.0.1:8080/git/acme.git',
            username: 'catalyst',
            token: 't0k',
            served: 'bootstrap-api',
          };
      return Promise.resolve(
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
      );
    }),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('How to apply', () => {
  it('gives the clone URL, the commands in order, the TF_VAR_ names and what happens after', async () => {
    stubApi('hetzner');
    renderWithProviders(<HowToApply id="dep-1" />);
    const region = await screen.findByRole('region', { name: 'How to apply' });
    await screen.findByText('http://127.0.0.1:8080/git/acme.git');
    const commands = within(region).getByLabelText('Commands').textContent?.split('\n') ?? [];
    expect(commands[0]).toMatch(/^git clone http:\/\/127\.0\.0\.1:8080\/git\/acme\.git acme/);
    expect(commands.slice(1)).toEqual([
      'cd acme/infra/hetzner',
      'export TF_VAR_hcloud_token=... TF_VAR_gitops_token=... TF_VAR_registry_token=... TF_VAR_powerdns_api_key=...',
      'tofu init',
      'tofu plan -out plan',
      'tofu apply plan',
    ]);
    expect(region).toHaveTextContent('GET /api/v1/deployments/dep-1/repository');
    expect(region).toHaveTextContent(/cloud-init .*installs k3s.*Cilium.*Flux/);
    expect(region).not.toHaveTextContent('t0k');
  });

  it('says plan only for a provider without a module', async () => {
    stubApi('aws');
    renderWithProviders(<HowToApply id="dep-2" />);
    const region = await screen.findByRole('region', { name: 'How to apply' });
    expect(region).toHaveTextContent(/Plan only: no OpenTofu module for Amazon Web Services yet/);
    expect(within(region).queryByLabelText('Commands')).toBeNull();
  });
});
