// A local harness for the catalog tests until tests/render.tsx exists: a memory router at the
// Components step, a fresh draft store, and native <dialog> modality, which jsdom lacks.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { useDraftStore } from '../../../src/shared/store/draft-store';

if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

/** Renders `ui` at /wizard/components with a fresh draft; returns a user-event instance too. */
export function renderCatalog(ui: ReactElement) {
  useDraftStore.getState().reset();
  const user = userEvent.setup();
  const result = render(<MemoryRouter initialEntries={['/wizard/components']}>{ui}</MemoryRouter>);
  return { user, ...result };
}
