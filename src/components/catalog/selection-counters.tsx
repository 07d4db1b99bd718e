export interface SelectionCountersProps {
  /** Components the user added themselves (optional ones in the chosen list). */
  chosen: number;
  /** Recommended components on by default and still on. */
  recommended: number;
  installed: number;
  total: number;
}

const pill = 'rounded-full bg-muted px-3 py-1 font-medium';

/** How many components the user chose, how many are recommended defaults, and how many in all. */
export function SelectionCounters({
  chosen,
  recommended,
  installed,
  total,
}: SelectionCountersProps) {
  return (
    <ul aria-label="Selection counts" className="flex flex-wrap gap-2 text-sm">
      <li className={pill}>{`${recommended} recommended`}</li>
      <li className={pill}>{`${chosen} chosen by you`}</li>
      <li className={pill}>{`${installed} of ${total} installed`}</li>
    </ul>
  );
}
