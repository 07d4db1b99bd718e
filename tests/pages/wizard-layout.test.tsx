import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { getProvider } from '../../src/shared/constants/domain';
import { useDraftStore } from '../../src/shared/store/draft-store';
import { useSecretsStore } from '../../src/shared/store/secrets-store';
import { validDraft } from '../shared/lib/manifest-fixtures';
import { renderWithProviders, WizardRoutes } from '../render';

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
});

describe('Wizard layout', () => {
  it('marks the current step and disables steps not visited yet', () => {
    renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const nav = screen.getByRole('navigation', { name: 'Wizard steps' });
    expect(within(nav).getByRole('link', { name: /Infrastructure/ })).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(within(nav).queryByRole('link', { name: /DNS/ })).not.toBeInTheDocument();
    expect(within(nav).getByText(/DNS/, { selector: '[aria-disabled="true"]' })).toBeVisible();
  });

  it('Back keeps every value', async () => {
    useDraftStore.getState().markVisited('storage');
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/storage' });
    await user.clear(screen.getByLabelText('Cold-tier bucket'));
    await user.type(screen.getByLabelText('Cold-tier bucket'), 'my-archive');
    await user.click(screen.getByRole('button', { name: /^Back/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Infrastructure' })).toBeVisible();
    await user.click(screen.getByRole('link', { name: /Storage tier/ }));
    expect(await screen.findByLabelText('Cold-tier bucket')).toHaveValue('my-archive');
  });

  it('Start over asks first, then discards the draft and the secrets', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    await user.type(screen.getByLabelText('Sovereign name'), 'acme-prod');
    await user.type(screen.getByLabelText('Hetzner Cloud API token'), 'secret');

    await user.click(screen.getByRole('button', { name: 'Start over' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start over?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep my draft' }));
    expect(screen.getByLabelText('Sovereign name')).toHaveValue('acme-prod');

    await user.click(screen.getByRole('button', { name: 'Start over' }));
    await user.click(screen.getByRole('button', { name: 'Discard and start over' }));
    expect(screen.getByLabelText('Sovereign name')).toHaveValue('');
    expect(screen.getByLabelText('Hetzner Cloud API token')).toHaveValue('');
    expect(useSecretsStore.getState().secrets.providerToken).toBe('');
  });
});

describe('Wizard layout: stepper marks follow Review’s verdict', () => {
  it('marks a visited step whose cluster does not fit, and clears the mark once it fits', async () => {
    const { replaceDraft, markVisited } = useDraftStore.getState();
    const draft = validDraft();
    const sizes = getProvider(draft.infrastructure.provider).sizes;
    draft.infrastructure.regions[0] = {
      ...draft.infrastructure.regions[0]!,
      controlPlane: { size: sizes[0]!.id, ha: false },
      workers: { size: sizes[0]!.id, count: 0 },
    };
    draft.storage.seaweedfs.volumeReplicas = 1; // one node holds one volume server
    replaceDraft(draft);
    for (const s of ['infrastructure', 'storage', 'dns', 'components'] as const) markVisited(s);
    const s = useSecretsStore.getState();
    s.setSecret('providerToken', 'A1b2C3d4'.repeat(8));
    s.setSecret('coldAccessKeyId', 'AKIAEXAMPLEKEY123456');
    s.setSecret('coldSecretAccessKey', 'cold-secret-access-key-0001');
    renderWithProviders(<WizardRoutes />, { route: '/wizard/dns' });
    const nav = screen.getByRole('navigation', { name: 'Wizard steps' });
    expect(
      await within(nav).findByRole(
        'link',
        { name: /^Infrastructure\s*\(has problems\)$/ },
        { timeout: 5000 },
      ),
    ).toBeVisible();
    expect(within(nav).getByRole('link', { name: 'Storage tier' })).toBeVisible();

    act(() =>
      useDraftStore.getState().updateRegion(0, {
        controlPlane: validDraft().infrastructure.regions[0]!.controlPlane,
        workers: { size: sizes.at(-1)!.id, count: 10 },
      }),
    );
    expect(await within(nav).findByRole('link', { name: 'Infrastructure' })).toBeVisible();
  });
});
