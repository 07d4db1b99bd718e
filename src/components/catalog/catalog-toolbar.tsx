import { TIERS } from '../../shared/constants/catalog-types';
import type { CatalogFilter, TierFilter } from './catalog-filter';

export interface CatalogToolbarProps {
  filter: CatalogFilter;
  onChange: (filter: CatalogFilter) => void;
}

const TIER_OPTIONS: readonly { value: TierFilter; label: string }[] = [
  { value: 'all', label: 'All tiers' },
  ...TIERS.map((t) => ({ value: t, label: t[0]?.toUpperCase() + t.slice(1) })),
];

const tierOf = (value: string): TierFilter =>
  TIER_OPTIONS.find((o) => o.value === value)?.value ?? 'all';

const control =
  'h-9 rounded-md border border-border bg-surface px-2 text-sm text-fg focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-focus';

/** Search box, tier filter and "installed only" toggle over the catalog. */
export function CatalogToolbar({ filter, onChange }: CatalogToolbarProps) {
  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm font-medium">
        Search components
        <input
          type="search"
          value={filter.query}
          placeholder="Name, role or id"
          onChange={(e) => onChange({ ...filter, query: e.currentTarget.value })}
          className={control}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Tier
        <select
          value={filter.tier}
          onChange={(e) => onChange({ ...filter, tier: tierOf(e.currentTarget.value) })}
          className={control}
        >
          {TIER_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex h-9 items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={filter.installedOnly}
          onChange={(e) => onChange({ ...filter, installedOnly: e.currentTarget.checked })}
          className="size-4 accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
        />
        Show installed only
      </label>
    </div>
  );
}
