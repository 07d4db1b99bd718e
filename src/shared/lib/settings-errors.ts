// The Components step's settings problems: every installed component's settings against its
// fields, each error on the field's draft path (components.settings.<id>.<key>), its message
// naming the component and the field.
import { getComponent, isComponentId } from '../constants/components';
import type { Draft } from '../schemas/draft';
import { settingsProblems } from '../schemas/component-settings';
import { CATALOG_INDEX } from './catalog-graph';
import type { FieldError } from './draft-defaults';
import { resolveSelection } from './resolve-selection';

/** The draft path of a component's setting. */
export const settingPath = (id: string, key: string): string => `components.settings.${id}.${key}`;

/** Problems with the settings of the installed components. */
export function settingsFieldErrors(draft: Pick<Draft, 'components'>): FieldError[] {
  const all = draft.components.settings ?? {};
  const installed = resolveSelection(CATALOG_INDEX, draft.components.chosen).installed;
  const out: FieldError[] = [];
  for (const [id, settings] of Object.entries(all)) {
    if (!isComponentId(id) || !installed.has(id) || !settings) continue;
    const name = getComponent(id).name;
    for (const p of settingsProblems(id, settings))
      out.push({
        step: 'components',
        path: p.key ? settingPath(id, p.key) : `components.settings.${id}`,
        message: `${name}: ${p.message}`,
      });
  }
  return out;
}
