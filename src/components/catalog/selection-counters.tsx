export interface SelectionCountersProps {
  chosen: number;
  installed: number;
  total: number;
}

/** How many components the user chose and how many get installed in all. */
export function SelectionCounters({ chosen, installed, total }: SelectionCountersProps) {
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      <div className="flex gap-1.5">
        <dt className="text-fg-muted">Chosen by you</dt>
        <dd className="font-semibold">{chosen}</dd>
      </div>
      <div className="flex gap-1.5">
        <dt className="text-fg-muted">Installed</dt>
        <dd className="font-semibold">
          {installed} of {total}
        </dd>
      </div>
    </dl>
  );
}
