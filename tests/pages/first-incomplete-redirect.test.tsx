import { act, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { FirstIncompleteRedirect } from '../../src/app/first-incomplete-redirect';
import { useDraftStore } from '../../src/shared/store/draft-store';
import { validDraft } from '../shared/lib/manifest-fixtures';

function renderAtRoot() {
  render(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route path="/" element={<FirstIncompleteRedirect />} />
        <Route path="/wizard/:step" element={<p>landed</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(() => useDraftStore.getState().reset());

describe('the root redirect', () => {
  it('waits for the saved draft before judging which step is first incomplete', () => {
    useDraftStore.setState({ draftLoaded: false });
    renderAtRoot();
    expect(screen.getByRole('status')).toHaveTextContent('Loading your draft…');
    expect(screen.queryByText('landed')).not.toBeInTheDocument();
    act(() => useDraftStore.setState({ draft: validDraft(), draftLoaded: true }));
    expect(screen.getByText('landed')).toBeInTheDocument();
  });
});
