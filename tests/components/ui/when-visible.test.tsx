import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WhenVisible } from '../../../src/components/ui/when-visible';

describe('WhenVisible', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a button until the user asks, then the content', async () => {
    const user = userEvent.setup();
    render(
      <WhenVisible showLabel="Show the graph">
        <p>heavy content</p>
      </WhenVisible>,
    );
    expect(screen.queryByText('heavy content')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the graph' }));
    expect(screen.getByText('heavy content')).toBeInTheDocument();
  });

  it('mounts the content when its place comes into view', () => {
    let report: ((entries: { isIntersecting: boolean }[]) => void) | undefined;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
          report = cb;
        }
        observe() {}
        disconnect() {}
      },
    );
    render(
      <WhenVisible showLabel="Show">
        <p>heavy content</p>
      </WhenVisible>,
    );
    act(() => report?.([{ isIntersecting: false }]));
    expect(screen.queryByText('heavy content')).not.toBeInTheDocument();
    act(() => report?.([{ isIntersecting: true }]));
    expect(screen.getByText('heavy content')).toBeInTheDocument();
  });
});
