import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { cx } from '../ui/cx';
import { visibleRows, type FileTree, type TreeRow } from './flux-file-tree';

export interface FileTreeViewProps {
  tree: FileTree;
  label: string;
  expanded: ReadonlySet<string>;
  onToggle: (folder: string, open?: boolean) => void;
  onExpandAll: () => void;
  selected: string | null;
  onSelect: (path: string) => void;
}

const itemClass =
  'flex w-full cursor-pointer items-center gap-2 rounded px-2 py-1 text-left font-mono text-xs focus-visible:outline-2 focus-visible:outline-focus';

/**
 * A WAI-ARIA tree of folders and files with one tab stop: Up/Down move, Right opens a folder or
 * enters it, Left closes it or goes to the parent, Home/End jump, `*` opens every folder,
 * Enter/Space opens a file or toggles a folder.
 */
export function FileTreeView(props: FileTreeViewProps) {
  const { tree, label, expanded, onToggle, selected, onSelect } = props;
  const rows = visibleRows(tree, expanded);
  const [active, setActive] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const current =
    rows.find((r) => r.id === active) ?? rows.find((r) => r.id === selected) ?? rows[0];

  const focus = (row: TreeRow | undefined) => {
    if (!row) return;
    setActive(row.id);
    refs.current.get(row.id)?.focus();
  };
  const activate = (row: TreeRow) => {
    if (row.kind === 'folder') onToggle(row.folder.name);
    else onSelect(row.file.path);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, row: TreeRow) => {
    e.stopPropagation();
    const i = rows.findIndex((r) => r.id === row.id);
    const open = row.kind === 'folder' && expanded.has(row.folder.name);
    const keys: Record<string, () => void> = {
      ArrowDown: () => focus(rows[i + 1]),
      ArrowUp: () => focus(rows[i - 1]),
      Home: () => focus(rows[0]),
      End: () => focus(rows[rows.length - 1]),
      ArrowRight: () => {
        if (row.kind === 'folder' && !open) onToggle(row.folder.name, true);
        else if (open) focus(rows[i + 1]);
      },
      ArrowLeft: () => {
        if (open && row.kind === 'folder') onToggle(row.folder.name, false);
        else if (row.kind === 'file' && row.parent) focus(rows.find((r) => r.id === row.parent));
      },
      Enter: () => activate(row),
      ' ': () => activate(row),
      '*': props.onExpandAll,
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const itemProps = (row: TreeRow, level: number) => ({
    ref: (el: HTMLLIElement | null) => {
      if (el) refs.current.set(row.id, el);
      else refs.current.delete(row.id);
    },
    'aria-level': level,
    onFocus: (e: FocusEvent<HTMLLIElement>) => {
      e.stopPropagation();
      setActive(row.id);
    },
  });

  const fileItem = (file: TreeRow & { kind: 'file' }, level: number) => (
    <li
      key={file.id}
      {...itemProps(file, level)}
      role="treeitem"
      tabIndex={file.id === current?.id ? 0 : -1}
      onKeyDown={(e) => onKeyDown(e, file)}
      aria-selected={selected === file.file.path}
      className={cx(
        itemClass,
        // Root files line up with the folder names, past the folders' arrow.
        level === 1 && 'pl-7',
        selected === file.file.path ? 'bg-accent text-accent-fg' : 'hover:bg-muted',
      )}
      onClick={(e) => {
        e.stopPropagation();
        setActive(file.id);
        onSelect(file.file.path);
      }}
    >
      {file.file.label}
    </li>
  );

  return (
    <ul role="tree" aria-label={label} className="space-y-0.5">
      {tree.folders.map((folder) => {
        const row = rows.find((r) => r.id === `folder:${folder.name}`) as TreeRow;
        const open = expanded.has(folder.name);
        const count = `${folder.files.length} ${folder.files.length === 1 ? 'file' : 'files'}`;
        return (
          <li
            key={row.id}
            {...itemProps(row, 1)}
            role="treeitem"
            tabIndex={row.id === current?.id ? 0 : -1}
            onKeyDown={(e) => onKeyDown(e, row)}
            aria-selected={false}
            aria-expanded={open}
            aria-label={`${folder.name}/, ${count}`}
            className="rounded focus-visible:outline-2 focus-visible:outline-focus"
            onClick={() => {
              setActive(row.id);
              onToggle(folder.name);
            }}
          >
            <span className={cx(itemClass, 'hover:bg-muted')} aria-hidden="true">
              <span className="w-3 text-fg-muted">{open ? '▾' : '▸'}</span>
              <span className="font-semibold">{folder.name}/</span>
              <span className="ml-auto text-fg-muted">{count}</span>
            </span>
            {open ? (
              <ul role="group" className="ml-4 space-y-0.5 border-l border-border pl-1">
                {rows
                  .filter(
                    (r): r is TreeRow & { kind: 'file' } =>
                      r.kind === 'file' && r.parent === row.id,
                  )
                  .map((f) => fileItem(f, 2))}
              </ul>
            ) : null}
          </li>
        );
      })}
      {rows
        .filter((r): r is TreeRow & { kind: 'file' } => r.kind === 'file' && r.parent === null)
        .map((f) => fileItem(f, 1))}
    </ul>
  );
}
