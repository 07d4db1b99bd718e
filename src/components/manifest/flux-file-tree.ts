// The GitOps tree as the viewer shows it: one folder per Flux category, then the root files.
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
  /** `clusters/<name>`. */
  root: string;
  folders: TreeFolder[];
  files: TreeFile[];
}

/** Groups rendered files under `clusters/<name>/` into category folders and root files. */
export function groupFluxFiles(files: readonly FluxFile[], root: string): FileTree {
  const folders = new Map<string, TreeFile[]>();
  const top: TreeFile[] = [];
  for (const f of files) {
    const rel = f.path.startsWith(`${root}/`) ? f.path.slice(root.length + 1) : f.path;
    const slash = rel.indexOf('/');
    if (slash < 0) {
      top.push({ path: f.path, label: rel, content: f.content });
      continue;
    }
    const name = rel.slice(0, slash);
    const list = folders.get(name) ?? [];
    list.push({ path: f.path, label: rel.slice(slash + 1), content: f.content });
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
