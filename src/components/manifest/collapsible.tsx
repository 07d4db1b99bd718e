import { useId, useState, type ReactNode } from 'react';

export interface CollapsibleProps {
  title: string;
  /** A short note beside the title, e.g. a file count. */
  note?: ReactNode;
  defaultOpen?: boolean;
  children: ReactNode;
}

/** A disclosure: a button that shows or hides its panel; the panel renders only while open. */
export function Collapsible({ title, note, defaultOpen = false, children }: CollapsibleProps) {
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  return (
    <div className="rounded-md border border-border">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      >
        <span aria-hidden="true" className="w-3 text-fg-muted">
          {open ? '▾' : '▸'}
        </span>
        {title}
        {note ? <span className="ml-auto text-xs font-normal text-fg-muted">{note}</span> : null}
      </button>
      <div id={panelId} hidden={!open} className="border-t border-border p-3">
        {open ? children : null}
      </div>
    </div>
  );
}
