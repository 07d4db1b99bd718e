import { useMemo } from 'react';
import { getComponent, type ComponentId } from '../../shared/constants/components';
import { manifestComponents } from '../../shared/lib/manifest/build';
import { isRecommendedDefault, listNames } from '../catalog/component-status';
import { ON_BY_DEFAULT_TEXT, REASON_GROUP_TEXT, REASON_TEXT } from '../../shared/constants/reasons';

/** One group of installed components: why they are installed, and their names. */
export interface ReasonGroup {
  title: string;
  ids: ComponentId[];
}

const nameOf = (id: string) => getComponent(id as ComponentId).name;

/**
 * The installed components by reason, as the manifest records them: chosen by you, recommended
 * (on by default), required by the components that need them, and mandatory. Empty groups are
 * left out; names in catalog order.
 */
export function reasonGroups(chosen: readonly string[]): ReasonGroup[] {
  const { components } = manifestComponents(chosen);
  const mine: ComponentId[] = [];
  const recommended: ComponentId[] = [];
  const mandatory: ComponentId[] = [];
  const required = new Map<string, ComponentId[]>();
  for (const c of components) {
    const id = c.id as ComponentId;
    if (c.reason === 'mandatory') mandatory.push(id);
    else if (c.reason === 'chosen') (isRecommendedDefault(id) ? recommended : mine).push(id);
    else {
      const title = REASON_TEXT.dependency.sentence(listNames((c.requiredBy ?? []).map(nameOf)));
      required.set(title, [...(required.get(title) ?? []), id]);
    }
  }
  return [
    { title: REASON_GROUP_TEXT.chosen, ids: mine },
    { title: ON_BY_DEFAULT_TEXT.group, ids: recommended },
    ...[...required].map(([title, ids]) => ({ title, ids })),
    { title: REASON_GROUP_TEXT.mandatory, ids: mandatory },
  ].filter((g) => g.ids.length > 0);
}

/** Review's list of every installed component by name, grouped by why it is installed. */
export function InstalledByReason({ chosen }: { chosen: readonly string[] }) {
  const groups = useMemo(() => reasonGroups(chosen), [chosen]);
  return (
    <section aria-labelledby="installed-by-reason" className="space-y-2 text-sm">
      <h3 id="installed-by-reason" className="font-semibold">
        Installed components by reason
      </h3>
      {groups.map((g) => (
        <div key={g.title}>
          <h4 className="text-fg-muted">
            {g.title} <span className="tabular-nums">({g.ids.length})</span>
          </h4>
          <ul aria-label={g.title} className="flex flex-wrap gap-x-1 gap-y-0.5">
            {g.ids.map((id, i) => (
              <li key={id}>
                {nameOf(id)}
                {i < g.ids.length - 1 ? ',' : ''}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
