import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/shared/lib/manifest/validate';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';
import { useServerProblemsStore } from '../../../src/shared/store/server-problems-store';
import {
  COLD_SECRET,
  PROVIDER_TOKEN,
  loadValidDraftWithSecrets,
  renderProvisionSection,
} from './provision-fixture';

const ID = '0b7d2a8e-4c1f-4e55-9a43-2f6a1c9e7b10';
const URL = '/api/v1/deployments';

interface Seen {
  key: string | null;
  body: unknown;
}
let seen: Seen[] = [];
let answers: (() => Response)[] = [];

const created = () =>
  HttpResponse.json(
    {
      id: ID,
      status: 'pending',
      links: { self: `${URL}/${ID}`, events: '', manifest: '', gitops: '' },
    },
    { status: 201 },
  );

/** The one POST handler: validates the body with the real manifest contract, then answers. */
const server = setupServer(
  http.post(URL, async ({ request }) => {
    const body: unknown = await request.json();
    seen.push({ key: request.headers.get('idempotency-key'), body });
    const v = validateManifest(body);
    if (!v.ok) {
      return HttpResponse.json(
        { error: 'invalid_manifest', message: 'invalid', problems: v.problems },
        { status: 400 },
      );
    }
    return (answers.shift() ?? created)();
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

beforeEach(() => {
  seen = [];
  answers = [];
  loadValidDraftWithSecrets();
});

describe('Provision section', () => {
  it('posts the manifest with its secrets under an Idempotency-Key and opens the deployment', async () => {
    const { user } = renderProvisionSection();
    await user.click(screen.getByRole('button', { name: 'Provision' }));

    expect(await screen.findByRole('heading', { name: 'Deployment page' })).toBeVisible();
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(
      `/deployments/${ID}`,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(seen[0]?.body)).toContain(PROVIDER_TOKEN);
    expect(useDraftStore.getState().idempotencyKey).toBeNull();
    expect(localStorage.getItem('catalyst-bootstrap-draft') ?? '').not.toContain(PROVIDER_TOKEN);
  });

  it('keeps the key on a 503 and reuses it on Retry', async () => {
    answers = [
      () =>
        HttpResponse.json(
          { error: 'internal', message: 'Internal error; the server log has the details' },
          { status: 503 },
        ),
    ];
    const { user } = renderProvisionSection();
    await user.click(screen.getByRole('button', { name: 'Provision' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Provisioning did not go through');
    expect(alert).toHaveTextContent('Internal error');
    const key = useDraftStore.getState().idempotencyKey;
    expect(key).toBe(seen[0]?.key);

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Deployment page' })).toBeVisible();
    expect(seen.map((s) => s.key)).toEqual([key, key]);
  });

  it('shows a 400 as links to the fields its problems name', async () => {
    answers = [
      () =>
        HttpResponse.json(
          {
            error: 'invalid_manifest',
            message: 'The manifest has 2 problem(s)',
            problems: [
              { path: 'spec.dns.domain', message: 'DNS domain is taken' },
              {
                path: 'spec.infrastructure.regions[0].workers.count',
                message: 'Worker count must be at most 3 here',
              },
            ],
          },
          { status: 400 },
        ),
    ];
    const { user } = renderProvisionSection();
    await user.click(screen.getByRole('button', { name: 'Provision' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('link', { name: 'DNS: DNS domain is taken' })).toHaveAttribute(
      'href',
      '/wizard/dns#field-dns-domain',
    );
    const workers = within(alert).getByRole('link', {
      name: 'Infrastructure: Worker count must be at most 3 here',
    });
    expect(workers).toHaveAttribute(
      'href',
      '/wizard/infrastructure#field-infrastructure-regions-0-workers-count',
    );
    await user.click(workers);
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(
      '/wizard/infrastructure#field-infrastructure-regions-0-workers-count',
    ); // The same problems wait beside their fields on the steps (see server-problems.test.tsx).
    expect(useServerProblemsStore.getState().problems).toEqual([
      {
        step: 'infrastructure',
        path: 'infrastructure.regions.0.workers.count',
        message: 'Worker count must be at most 3 here',
      },
      { step: 'dns', path: 'dns.domain', message: 'DNS domain is taken' },
    ]);
  });

  it('keeps the whole draft after a network error and says so', async () => {
    answers = [() => HttpResponse.error()];
    const before = JSON.stringify(useDraftStore.getState().draft);
    const { user } = renderProvisionSection();
    await user.click(screen.getByRole('button', { name: 'Provision' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('cannot be reached');
    expect(alert).toHaveTextContent('Your draft is kept');
    expect(JSON.stringify(useDraftStore.getState().draft)).toBe(before);
    expect(useSecretsStore.getState().secrets.coldSecretAccessKey).toBe(COLD_SECRET);
    expect(useDraftStore.getState().idempotencyKey).toBe(seen[0]?.key);
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('/wizard/review');
  });

  it('is disabled with the reason while Review lists problems', () => {
    useSecretsStore.getState().clearSecrets();
    renderProvisionSection();
    const button = screen.getByRole('button', { name: 'Provision' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/Fix the 3 problems listed at the top of Review/);
  });

  it('asks for the API token after a 401 and retries with it', async () => {
    answers = [
      () =>
        HttpResponse.json(
          { error: 'unauthorized', message: 'Send Authorization: Bearer <CATALYST_API_TOKEN>' },
          { status: 401 },
        ),
    ];
    let auth: string | null = null;
    server.events.on('request:start', ({ request }) => {
      auth = request.headers.get('authorization');
    });
    const { user } = renderProvisionSection();
    await user.click(screen.getByRole('button', { name: 'Provision' }));
    const dialog = await screen.findByRole('dialog', { name: 'API token required' });
    await user.type(within(dialog).getByLabelText('API token'), 'secret-api-token-0001');
    await user.click(within(dialog).getByRole('button', { name: 'Save and retry' }));

    expect(await screen.findByRole('heading', { name: 'Deployment page' })).toBeVisible();
    expect(auth).toBe('Bearer secret-api-token-0001');
    expect(seen[0]?.key).toBe(seen[1]?.key);
    sessionStorage.clear();
    server.events.removeAllListeners();
  });
});
