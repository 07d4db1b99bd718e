import { useMemo, useState } from 'react';
import { downloadBlob } from '../../shared/lib/download';
import { renderFluxTree } from '../../shared/lib/flux/render-flux-tree';
import { buildManifest } from '../../shared/lib/manifest/build';
import { infraFiles, planOnlySentence } from '../../shared/lib/tofu';
import { getProvider } from '../../shared/constants/domain';
import type { Draft } from '../../shared/schemas/draft';
import { useDraftStore } from '../../shared/store/draft-store';
import { gitopsZipName } from '../manifest/export-files';
import { FileTreeView } from '../manifest/file-tree-view';
import { groupFluxFiles, type FileTree } from '../manifest/flux-file-tree';
import { YamlCode } from '../manifest/yaml-code';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

type GitopsFile = ReturnType<typeof gitopsFiles>['files'][number];

/** The repository the API would commit for a draft: its name, files and their folder tree. */
function gitopsFiles(draft: Draft) {
  const manifest = buildManifest(draft);
  const name = manifest.metadata.name || 'sovereign';
  // Served by this app's API, the repository is cloned from this origin.
  const repositoryUrl = `${window.location.origin}/git/${name}.git`;
  // The Flux tree plus infra/ (the OpenTofu module and its inputs), as the API commits them.
  const files = [
    ...renderFluxTree(manifest, { repositoryUrl }),
    ...infraFiles(manifest, { repositoryUrl }),
  ];
  return { name, files, tree: groupFluxFiles(files, 'clusters') };
}

/** Which folders of the tree are open, with toggle, expand-all and collapse-all. */
function useExpandedFolders(tree: FileTree) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (folder: string, open?: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !prev.has(folder)) next.add(folder);
      else next.delete(folder);
      return next;
    });
  const expandAll = () => setExpanded(new Set(tree.folders.map((f) => f.name)));
  const collapseAll = () => setExpanded(new Set());
  return { expanded, toggle, expandAll, collapseAll };
}

/** Builds the zip of every file and downloads it; keeps the error when that fails. */
function useZipDownload(name: string, files: readonly GitopsFile[]) {
  const [zipError, setZipError] = useState<string | null>(null);
  const downloadZip = async () => {
    setZipError(null);
    try {
      const { zipFiles } = await import('../../shared/lib/zip');
      const bytes = zipFiles(files);
      downloadBlob(new Blob([bytes as BlobPart], { type: 'application/zip' }), gitopsZipName(name));
    } catch (error) {
      setZipError(`The archive could not be built: ${(error as Error).message}`);
    }
  };
  return { zipError, downloadZip };
}

interface GitopsToolbarProps {
  count: number;
  root: string;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  onDownload: () => void;
}

/** What the tree holds, and the expand, collapse and download buttons. */
function GitopsToolbar({
  count,
  root,
  onExpandAll,
  onCollapseAll,
  onDownload,
}: GitopsToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p className="mr-auto text-sm text-fg-muted">
        {count} files: one folder per region&apos;s cluster under{' '}
        <code className="font-mono">{root}/</code> (then per Flux category), the README an operator
        follows and <code className="font-mono">infra/</code>. Generated from the draft; the
        bootstrap API commits the same tree.
      </p>
      <Button size="sm" onClick={onExpandAll}>
        Expand all
      </Button>
      <Button size="sm" onClick={onCollapseAll}>
        Collapse all
      </Button>
      <Button size="sm" variant="primary" onClick={onDownload}>
        Download GitOps tree
      </Button>
    </div>
  );
}

/** The chosen file's path and content, or a hint to choose one. */
function FilePane({ file }: { file: GitopsFile | null }) {
  return (
    <div className="min-w-0 space-y-2">
      {file ? (
        <>
          <h3 className="font-mono text-sm font-semibold break-all">{file.path}</h3>
          <YamlCode
            text={file.content}
            label={`Content of ${file.path}`}
            highlight={file.path.endsWith('.yaml')}
            className="max-h-[30rem]"
          />
        </>
      ) : (
        <p className="rounded-md border border-dashed border-border p-6 text-sm text-fg-muted">
          Choose a file in the tree to read it.
        </p>
      )}
    </div>
  );
}

/** The warning that a provider without an OpenTofu module gets no infra/ module. */
function PlanOnlyNotice({ provider }: { provider: Draft['infrastructure']['provider'] }) {
  if (getProvider(provider).hasModule) return null;
  return (
    <Alert tone="warn">
      {planOnlySentence(provider)} The tree has no infra/{provider}/ module; infra/README.md says
      so.
    </Alert>
  );
}

/** The Flux GitOps tree of the current draft: browse its files, read one, download them all. */
export function GitopsViewer() {
  const draft = useDraftStore((s) => s.draft);
  const { name, files, tree } = useMemo(() => gitopsFiles(draft), [draft]);
  const { expanded, toggle, expandAll, collapseAll } = useExpandedFolders(tree);
  const [selected, setSelected] = useState<string | null>(null);
  const { zipError, downloadZip } = useZipDownload(name, files);
  const file = files.find((f) => f.path === selected) ?? null;

  return (
    <div className="space-y-3">
      <GitopsToolbar
        count={files.length}
        root={tree.root}
        onExpandAll={expandAll}
        onCollapseAll={collapseAll}
        onDownload={() => void downloadZip()}
      />
      <PlanOnlyNotice provider={draft.infrastructure.provider} />
      {zipError ? (
        <Alert tone="danger" role="alert">
          {zipError}
        </Alert>
      ) : null}
      <div className="grid gap-3 lg:grid-cols-[minmax(16rem,22rem)_1fr]">
        <div className="max-h-[32rem] overflow-auto rounded-md border border-border p-1">
          <FileTreeView
            tree={tree}
            label={`GitOps tree of ${name}`}
            expanded={expanded}
            onToggle={toggle}
            onExpandAll={expandAll}
            selected={selected}
            onSelect={setSelected}
          />
        </div>
        <FilePane file={file} />
      </div>
    </div>
  );
}
