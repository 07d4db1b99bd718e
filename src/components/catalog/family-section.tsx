import type { CSSProperties, ReactNode } from 'react';
import type { FamilyDef } from '../../shared/constants/families';

export interface FamilySectionProps {
  family: FamilyDef;
  installedCount: number;
  totalCount: number;
  /** The family's cards (`ComponentCard` list items). */
  children: ReactNode;
}

/** A family of the catalog: heading, tagline, description, "n of m installed", then its cards. */
export function FamilySection({
  family,
  installedCount,
  totalCount,
  children,
}: FamilySectionProps) {
  const headingId = `family-${family.id}`;
  // The family colour is data from the catalog, so it reaches Tailwind as a CSS variable.
  const style = { '--family-color': family.color } as CSSProperties;
  return (
    <section aria-labelledby={headingId} style={style} className="@container scroll-mt-4">
      <header className="mb-3 border-l-4 border-(--family-color) pl-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id={headingId} className="text-lg font-semibold">
            {family.name}
            <span className="ml-2 text-sm font-normal text-fg-muted">{family.tagline}</span>
          </h2>
          <p className="text-sm font-medium text-fg-muted">{`${installedCount} of ${totalCount} installed`}</p>
        </div>
        <p className="mt-1 max-w-prose text-sm text-fg-muted">{family.description}</p>
      </header>
      <ul className="grid grid-cols-1 gap-3 @lg:grid-cols-2 @4xl:grid-cols-3">{children}</ul>
    </section>
  );
}
