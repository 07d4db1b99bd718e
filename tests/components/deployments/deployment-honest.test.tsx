// Honest deployment pages (issue 11, item 6): an unknown id is a plain 404 page without
// "Reconnecting…", and a finished plan lists components as "not installed yet (plan only)".
import { render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { ComponentStates } from '../../../src/components/deployments/component-states';
import { DeploymentPage } from '../../../src/pages/deployment-page';
import { renderWithProviders } from '../../render';

const server = setupServer(
  http.get('/api/v1/deployments/:id', () =>
    HttpResponse.json(
      { error: 'not_found', message: 'No deployment with this id' },
      { status: 404 },
    ),
  ),
  http.get('/api/v1/deployments/:id/events', () =>
    HttpResponse.json(
      { error: 'not_found', message: 'No deployment with this id' },
      { status: 404 },
    ),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('an unknown deployment id', () => {
  it('is a plain 404 page with a link back to the deployments, and no connection status', async () => {
    renderWithProviders(
      <Routes>
        <Route path="/deployments/:id" element={<DeploymentPage />} />
      </Routes>,
      { route: '/deployments/no-such-id' },
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'No deployment with this id' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See all deployments' })).toHaveAttribute(
      'href',
      '/deployments',
    );
    expect(screen.queryByText(/Reconnecting|Connecting/)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('components of a finished plan', () => {
  const components = [
    { id: 'cilium', state: 'pending' as const, message: '' },
    { id: 'flux', state: 'pending' as const, message: '' },
  ];

  it('read "not installed yet (plan only)" when no executor applies the plan', () => {
    render(<ComponentStates components={components} planOnly />);
    const items = screen.getAllByRole('listitem');
    for (const item of items) expect(item).toHaveTextContent('not installed yet (plan only)');
    expect(screen.queryByText('pending')).not.toBeInTheDocument();
  });

  it('show the reported state while a pipeline is live', () => {
    render(<ComponentStates components={components} />);
    expect(screen.getAllByText('pending')).toHaveLength(2);
  });
});
