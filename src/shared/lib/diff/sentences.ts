// The change summary in words: one sentence per added or removed component (with why), per
// changed region, per setting, and per destructive change; and a one-line title.
import type { ComponentChange, ComponentChanges, ComponentUpdate } from './component-changes';
import type { DestructiveChange } from './destructive';
import type { FieldChange } from './field-changes';
import type { RegionChange } from './region-changes';

export interface SummaryParts {
  readonly components: ComponentChanges;
  readonly regions: readonly RegionChange[];
  readonly settings: readonly FieldChange[];
  readonly destructive: readonly DestructiveChange[];
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function addedSentence(c: ComponentChange): string {
  const on = c.clusters.length ? ` on ${c.clusters.join(', ')}` : '';
  return `Adds ${c.name} (${lower(c.why)})${on}.`;
}

function removedSentence(c: ComponentChange): string {
  const from = c.clusters.length ? ` from ${c.clusters.join(', ')}` : '';
  const data = c.stateful ? '; it keeps persistent volumes' : '';
  return `Removes ${c.name}${from} (was ${lower(c.why)}${data}).`;
}

function updatedSentence(u: ComponentUpdate): string {
  const parts: string[] = [];
  if (u.version)
    parts.push(`chart ${u.version.before ?? '(none)'} → ${u.version.after ?? '(none)'}`);
  if (u.reason) parts.push(`${lower(u.reason.whyAfter)} (was ${lower(u.reason.whyBefore)})`);
  if (u.clustersAdded.length) parts.push(`now also on ${u.clustersAdded.join(', ')}`);
  if (u.clustersRemoved.length) parts.push(`no longer on ${u.clustersRemoved.join(', ')}`);
  return `${u.name}: ${parts.join('; ')}.`;
}

function regionSentence(r: RegionChange): string {
  if (r.change === 'added')
    return `Adds ${r.label}: cluster ${r.clusterAfter}, ${plural(r.nodesAfter, 'node')}.`;
  if (r.change === 'removed')
    return `Removes ${r.label}: cluster ${r.clusterBefore}, ${plural(r.nodesBefore, 'node')}.`;
  const parts = r.fields.map((f) => `${lower(f.label)} ${f.beforeText} → ${f.afterText}`);
  if (r.clusterBefore !== r.clusterAfter)
    parts.push(`cluster ${r.clusterBefore} → ${r.clusterAfter}`);
  if (r.nodesBefore !== r.nodesAfter) parts.push(`nodes ${r.nodesBefore} → ${r.nodesAfter}`);
  return `${r.label}: ${parts.join('; ')}.`;
}

const settingSentence = (f: FieldChange) => `${f.label}: ${f.beforeText} → ${f.afterText}.`;

/** Every change as a sentence: components, regions, settings, then what destroys data. */
export function summarySentences(p: SummaryParts): string[] {
  return [
    ...p.components.added.map(addedSentence),
    ...p.components.removed.map(removedSentence),
    ...p.components.updated.map(updatedSentence),
    ...p.regions.map(regionSentence),
    ...p.settings.map(settingSentence),
    ...p.destructive.map((d) => `Destroys data: ${d.message}`),
  ];
}

/** `Adds 5 components, removes 1; changes region-1; changes 2 settings` or `No change`. */
export function summaryTitle(p: SummaryParts, unchanged: boolean): string {
  const parts: string[] = [];
  const { added, removed, updated } = p.components;
  const comp: string[] = [];
  if (added.length) comp.push(`adds ${plural(added.length, 'component')}`);
  if (removed.length) comp.push(`removes ${plural(removed.length, 'component')}`);
  if (updated.length) comp.push(`updates ${plural(updated.length, 'component')}`);
  if (comp.length) parts.push(comp.join(', '));
  const by = (kind: RegionChange['change']) =>
    p.regions.filter((r) => r.change === kind).map((r) => r.region);
  for (const [verb, names] of [
    ['adds', by('added')],
    ['changes', by('changed')],
    ['removes', by('removed')],
  ] as const)
    if (names.length) parts.push(`${verb} ${names.join(', ')}`);
  if (p.settings.length) parts.push(`changes ${plural(p.settings.length, 'setting')}`);
  if (parts.length === 0) return unchanged ? 'No change' : 'Changes the manifest';
  const title = parts.join('; ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}
