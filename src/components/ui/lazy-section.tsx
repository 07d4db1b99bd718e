// A part of a page whose code loads on demand. If its chunk cannot be fetched (the server is
// down, a deploy replaced the files), the part says so with a Retry button instead of taking
// the page down, so nothing the user typed is lost.
import { useEffect, useState, type ComponentType } from 'react';
import { Button } from './button';

type Loader<P> = () => Promise<ComponentType<P>>;

/** Components already loaded, by loader: a second mount renders at once. */
const loaded = new WeakMap<Loader<never>, ComponentType<never>>();

type State<P> =
  { status: 'loading' } | { status: 'ready'; Component: ComponentType<P> } | { status: 'failed' };

export interface LazySectionProps<P extends object> {
  /** Imports the module and returns the component; define it at module level (it is a cache key). */
  load: Loader<P>;
  props: P;
  /** What the part is, for the messages: "the dependency graph". */
  label: string;
}

/** Renders the component `load` returns, with a status while loading and Retry on failure. */
export function LazySection<P extends object>({ load, props, label }: LazySectionProps<P>) {
  const cached = loaded.get(load as Loader<never>) as ComponentType<P> | undefined;
  const [state, setState] = useState<State<P>>(
    cached ? { status: 'ready', Component: cached } : { status: 'loading' },
  );

  useEffect(() => {
    if (state.status !== 'loading') return;
    let live = true;
    load().then(
      (Component) => {
        loaded.set(load as Loader<never>, Component as ComponentType<never>);
        if (live) setState({ status: 'ready', Component });
      },
      () => {
        if (live) setState({ status: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [load, state.status]);

  if (state.status === 'ready') return <state.Component {...props} />;
  if (state.status === 'loading') {
    return (
      <p
        role="status"
        className="rounded-lg border border-border bg-surface p-6 text-sm text-fg-muted"
      >
        Loading {label}…
      </p>
    );
  }
  return (
    <div
      role="alert"
      className="space-y-3 rounded-lg border border-danger/60 bg-surface p-6 text-sm"
    >
      <p>Could not load {label}: the server did not answer. Your draft is safe.</p>
      <Button onClick={() => setState({ status: 'loading' })}>Retry</Button>
    </div>
  );
}
