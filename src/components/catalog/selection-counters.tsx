export interface SelectionCountersProps {
  chosen: number;
  installed: number;
  total: number;
}

/** How many components the user chose and how many get installed in all. */
export function SelectionCounters({ chosen, installed, total }: SelectionCountersProps) {
  return (
    <ul aria-label="Selection counts" className="flex flex-wrap gap-2 text-sm">
      <li className="rounded-full bg-muted px-3 py-1 font-medium">{`${chosen} chosen by you`}</li>
      <li className="rounded-full bg-muted px-3 py-1 font-medium">
        {`${installed} of ${total} installed`}
      </li>
    </ul>
  );
}
