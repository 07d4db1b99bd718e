import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LazySection } from '../../../src/components/ui/lazy-section';

function Greeting({ who }: { who: string }) {
  return <p>Hello {who}</p>;
}

describe('LazySection', () => {
  it('shows the component once loaded, and says so while loading', async () => {
    const load = () => Promise.resolve(Greeting);
    render(<LazySection load={load} props={{ who: 'Sovereign' }} label="the greeting" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the greeting');
    expect(await screen.findByText('Hello Sovereign')).toBeInTheDocument();
  });

  it('says when the code cannot be loaded and loads it on Retry', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const load = () =>
      ++calls === 1 ? Promise.reject(new Error('Failed to fetch')) : Promise.resolve(Greeting);
    render(<LazySection load={load} props={{ who: 'again' }} label="the greeting" />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the greeting');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Hello again')).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});
