import type { ReactNode } from 'react';

/** The step's one h1 and its lead paragraph; focusable so navigation can move focus to it. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="space-y-2">
      <h1 tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
        {title}
      </h1>
      {children ? <p className="max-w-prose text-sm text-fg-muted">{children}</p> : null}
    </header>
  );
}
