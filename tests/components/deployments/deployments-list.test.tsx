import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeploymentsList } from '../../../src/components/deployments/deployments-list';
import { deploymentPageSchema, type Deployment } from '../../../src/shared/schemas/api';
import { renderWithProviders } from '../../render';

const item = (n: number): Deployment => {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const self = `/api/v1/deployments/${id}`;
  return {
    id,
    name: `sov-${n}`,
    status: 'ready-to-apply',
    statusMessage: 'ready',
    componentCount: 40,
    commit: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    links: {
      self,
      events: `${self}/events`,
      manifest: `${self}/manifest`,
      gitops: `${self}/gitops`,
    },
  };
};

const server = setupServer(
  http.get('/api/v1/deployments', ({ request }) => {
    const cursor = new URL(request.url).searchParams.get('cursor');
    const page =
      cursor === 'p2'
        ? { items: [item(3)], nextCursor: null }
        : { items: [item(1), item(2)], nextCursor: 'p2' };
    return HttpResponse.json(deploymentPageSchema.parse(page));
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('DeploymentsList', () => {
  it('lists deployments as links and loads older pages with Load more', async () => {
    const { user } = renderWithProviders(<DeploymentsList />);
    expect(await screen.findByRole('link', { name: 'sov-1' })).toHaveAttribute(
      'href',
      `/deployments/${item(1).id}`,
    );
    expect(screen.queryByRole('link', { name: 'sov-3' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'sov-3' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});
