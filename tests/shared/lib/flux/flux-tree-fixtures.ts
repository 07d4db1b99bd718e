// The Flux trees the render tests share: manifests of a selection and topology, the trees of the
// five reference cases, and readers of a tree's files and objects.
import { parse } from 'yaml';
import { COMPONENT_IDS, type ComponentId } from '../../../../src/shared/constants/components';
import type { TopologyId } from '../../../../src/shared/constants/domain';
import { regionsForTopology } from '../../../../src/shared/lib/draft-defaults';
import { renderFluxTree, type FluxFile } from '../../../../src/shared/lib/flux/render-flux-tree';
import { buildManifest } from '../../../../src/shared/lib/manifest';
import { validDraft } from '../manifest-fixtures';

export type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, checked by the assertions
  spec: Record<string, any>;
};

export function manifestFor(
  chosen: readonly ComponentId[],
  topology: TopologyId = 'zoned',
  tweak?: (d: ReturnType<typeof validDraft>) => void,
) {
  const d = validDraft();
  d.components.chosen = [...chosen];
  d.infrastructure.topology = topology;
  d.infrastructure.regions = regionsForTopology(topology, d.infrastructure.provider);
  tweak?.(d);
  return buildManifest(d);
}

export const treeFor = (...args: Parameters<typeof manifestFor>): FluxFile[] =>
  renderFluxTree(manifestFor(...args));

export const DEFAULT_CHOSEN = validDraft().components.chosen;
export const CASES: Record<string, FluxFile[]> = {
  minimal: treeFor([]),
  default: treeFor(DEFAULT_CHOSEN),
  full: treeFor(COMPONENT_IDS),
  triangle: treeFor([...DEFAULT_CHOSEN, 'librechat', 'harbor'], 'triangle'),
  citadel: treeFor(COMPONENT_IDS, 'citadel'),
};

export const objectsOf = (tree: readonly FluxFile[]): Obj[] =>
  tree
    .filter((f) => f.path.endsWith('.yaml'))
    .map((f) => parse(f.content) as Obj)
    .filter((o) => o.metadata);

/** The files of one cluster folder. */
export const clusterFiles = (tree: readonly FluxFile[], cluster: string) =>
  tree.filter((f) => f.path.startsWith(`clusters/${cluster}/`));

export const clustersOf = (tree: readonly FluxFile[]): string[] => [
  ...new Set(tree.filter((f) => f.path.startsWith('clusters/')).map((f) => f.path.split('/')[1]!)),
];

export const releasesOf = (tree: readonly FluxFile[]) =>
  objectsOf(tree).filter((o) => o.kind === 'HelmRelease');
