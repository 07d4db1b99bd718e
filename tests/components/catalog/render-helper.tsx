// A local harness for the catalog tests until tests/render.tsx exists: a memory router at the
// Components step, a fresh draft store, and a narrow-screen matchMedia, which jsdom lacks.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { useDraftStore } from '../../../src/shared/store/draft-store';

if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    media: query,
    matches: false,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  });
}

/** Renders `ui` at /wizard/components with a fresh draft; returns a user-event instance too. */
export function renderCatalog(ui: ReactElement) {
  useDraftStore.getState().reset();
  const user = userEvent.setup();
  const result = render(<MemoryRouter initialEntries={['/wizard/components']}>{ui}</MemoryRouter>);
  return { user, ...result };
}
