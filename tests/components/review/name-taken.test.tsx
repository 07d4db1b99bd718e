// One Sovereign, one name (issue 11, item 7, the UI half): a 409 `sovereign_exists` is said in
// words, with "Open the existing Sovereign" and "Choose another name" (which focuses the field).
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/shared/schemas/api';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { loadValidDraftWithSecrets, renderProvisionSection } from './provision-fixture';

const EXISTING = '7c1e9f20-2b4d-4f8a-9c3e-1a2b3c4d5e6f';

/** The typed body the API answers with for a name that already has a deployment. */
const nameTaken: ApiErrorBody = {
  error: 'sovereign_exists',
  message: 'A Sovereign named "acme" already has a deployment',
  existing: { id: EXISTING, name: 'acme', status: 'ready-to-apply' },
};

const server = setupServer(
  http.post('/api/v1/deployments', () => HttpResponse.json(nameTaken, { status: 409 })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

beforeEach(() => {
  loadValidDraftWithSecrets();
});

describe('Provision when the Sovereign name already has a deployment', () => {
  it('says so and links to the existing Sovereign', async () => {
    const { user } = renderProvisionSection();
    await user.click(screen.getByRole('button', { name: 'Provision' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('A Sovereign named “acme” already exists');
    expect(alert).toHaveTextContent(/second history into\s+the same repository/);
    const open = within(alert).getByRole('link', { name: 'Open the existing Sovereign' });
    expect(open).toHaveAttribute('href', `/deployments/${EXISTING}`);
    await user.click(open);
    expect(screen.getByRole('heading', { name: 'Deployment page' })).toBeInTheDocument();
  });

  it('"Choose another name" goes to the name field and forgets the idempotency key', async () => {
    const { user } = renderProvisionSection();
    await user.click(screen.getByRole('button', { name: 'Provision' }));
    const alert = await screen.findByRole('alert');
    expect(useDraftStore.getState().idempotencyKey).not.toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Choose another name' }));
    expect(screen.getByLabelText('location')).toHaveTextContent(
      '/wizard/infrastructure#field-infrastructure-sovereignName',
    );
    expect(useDraftStore.getState().idempotencyKey).toBeNull();
  });
});
