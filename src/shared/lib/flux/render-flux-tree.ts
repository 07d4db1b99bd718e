// The Flux GitOps tree of a Sovereign: a pure function of its manifest, deterministic, one YAML
// document per file, one folder per region's cluster. See docs/gitops.md for the layout.
import type { SovereignManifest } from '../../schemas/manifest';
import { blueprintRegistry } from '../manifest/build';
import { planManifest } from '../placement';
import { renderCluster, yamlWriter, type BlueprintSource, type FluxFile } from './cluster-tree';
import { treeReadme } from './tree-readme';

export { toYaml, type FluxFile } from './cluster-tree';

export interface RenderOptions {
  /**
   * The URL every cluster's Flux clones this repository from: the bootstrap API's git endpoint
   * (`<PUBLIC_URL>/git/<name>.git`) or GITOPS_REMOTE_URL's repository. Never the Gitea that the
   * tree itself installs: it does not exist before the tree runs.
   */
  readonly repositoryUrl?: string;
}

/** What the tree names when it is rendered without a server (CLI, preview): to be replaced. */
export const PLACEHOLDER_ORIGIN = 'https://bootstrap.invalid';

export const placeholderRepositoryUrl = (name: string): string =>
  `${PLACEHOLDER_ORIGIN}/git/${name}.git`;

function blueprintSource(m: SovereignManifest): BlueprintSource {
  const b = blueprintRegistry(m);
  return { registry: b.registry, pullSecret: b.pullSecretRef.name };
}

const byPath = (a: FluxFile, b: FluxFile): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/** Renders `README.md` and `clusters/<cluster>/` for every region's cluster, sorted by path. */
export function renderFluxTree(
  manifest: SovereignManifest,
  options: RenderOptions = {},
): FluxFile[] {
  const plan = planManifest(manifest);
  const repositoryUrl = options.repositoryUrl ?? placeholderRepositoryUrl(manifest.metadata.name);
  const blueprints = blueprintSource(manifest);
  const write = yamlWriter(manifest.metadata.name);
  const trees = plan.clusters.map((cluster) =>
    renderCluster({ manifest, plan, cluster, repositoryUrl, blueprints, write }),
  );
  const files = trees.flatMap((t) => t.files);
  const secrets = trees.map((t) => t.secrets);
  files.push({
    path: 'README.md',
    content: treeReadme({ manifest, plan, repositoryUrl, blueprints, secrets }),
  });
  return files.sort(byPath);
}
