// The one render harness: a fresh QueryClient and a MemoryRouter around the UI under test.
import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { AppProviders } from '../src/app/providers';
import { STEPS } from '../src/shared/constants/steps';
import { WizardLayout } from '../src/pages/wizard-layout';
import { InfrastructurePage } from '../src/pages/infrastructure-page';
import { StoragePage } from '../src/pages/storage-page';
import { DnsPage } from '../src/pages/dns-page';
import { ReviewPage } from '../src/pages/review-page';

export interface RenderOptions {
  /** The initial URL, e.g. '/wizard/infrastructure'. */
  route?: string;
}

/** Renders `ui` with app providers (fresh QueryClient, no retries) inside a MemoryRouter. */
export function renderWithProviders(
  ui: ReactElement,
  { route = '/' }: RenderOptions = {},
): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const result = render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...result, user };
}

/** Shows the current path and hash, so tests can assert on navigation. */
export function LocationProbe() {
  const { pathname, hash } = useLocation();
  return <output aria-label="location">{pathname + hash}</output>;
}

const PAGES: Partial<Record<(typeof STEPS)[number]['id'], () => ReactElement>> = {
  infrastructure: () => <InfrastructurePage />,
  storage: () => <StoragePage />,
  dns: () => <DnsPage />,
  components: () => <p>Components step stand-in</p>,
  review: () => <ReviewPage />,
};

/** The wizard's routes with eagerly imported pages (a stand-in for Components). */
export function WizardRoutes() {
  return (
    <>
      <Routes>
        <Route path="/wizard" element={<WizardLayout />}>
          {STEPS.map((s) => (
            <Route key={s.id} path={s.path} element={PAGES[s.id]?.()} />
          ))}
        </Route>
      </Routes>
      <LocationProbe />
    </>
  );
}
