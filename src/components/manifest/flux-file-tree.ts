// The GitOps tree as the viewer shows it: per cluster, its root files and one folder per
// category (`<cluster>/<category>`), then the repository's root files.
import type { FluxFile } from '../../shared/lib/flux/render-flux-tree';

export interface TreeFile {
  /** The file's path in the repository (unique; the tree item's key). */
  path: string;
  /** The path shown, relative to its folder. */
  label: string;
  content: string;
}

export interface TreeFolder {
  name: string;
  files: TreeFile[];
}

export interface FileTree {
  /** `clusters`. */
  root: string;
  folders: TreeFolder[];
  files: TreeFile[];
}

/**
 * Groups files under `root/` into folders of two levels (`<cluster>/<category>`; a cluster's own
 * files sit in `<cluster>`), the rest as root files.
 */
export function groupFluxFiles(files: readonly FluxFile[], root: string): FileTree {
  const folders = new Map<string, TreeFile[]>();
  const top: TreeFile[] = [];
  for (const f of files) {
    const rel = f.path.startsWith(`${root}/`) ? f.path.slice(root.length + 1) : f.path;
    const parts = rel.split('/');
    if (parts.length < 2 || !f.path.startsWith(`${root}/`)) {
      top.push({ path: f.path, label: rel, content: f.content });
      continue;
    }
    const depth = parts.length >= 3 ? 2 : 1;
    const name = parts.slice(0, depth).join('/');
    const list = folders.get(name) ?? [];
    list.push({ path: f.path, label: parts.slice(depth).join('/'), content: f.content });
    folders.set(name, list);
  }
  return {
    root,
    folders: [...folders].map(([name, list]) => ({ name, files: list })),
    files: top,
  };
}

/** One row of the tree as the keyboard sees it: a folder or a file, in display order. */
export type TreeRow =
  | { kind: 'folder'; id: string; folder: TreeFolder }
  | { kind: 'file'; id: string; file: TreeFile; parent: string | null };

/** The rows currently visible: every folder, the files of expanded folders, then root files. */
export function visibleRows(tree: FileTree, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const folder of tree.folders) {
    rows.push({ kind: 'folder', id: `folder:${folder.name}`, folder });
    if (expanded.has(folder.name))
      for (const file of folder.files)
        rows.push({ kind: 'file', id: file.path, file, parent: `folder:${folder.name}` });
  }
  for (const file of tree.files) rows.push({ kind: 'file', id: file.path, file, parent: null });
  return rows;
}
