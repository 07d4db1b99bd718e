import { useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
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

type FileRow = TreeRow & { kind: 'file' };

const isFileIn =
  (parent: string | null) =>
  (r: TreeRow): r is FileRow =>
    r.kind === 'file' && r.parent === parent;

/** The props every tree item carries: focus tracking, roving tab stop and the key handler. */
type ItemProps = ReturnType<ReturnType<typeof useTreeItems>['itemProps']>;

/** The keyboard bindings of a row: what each key does, by `KeyboardEvent.key`. */
function rowKeys(
  props: FileTreeViewProps,
  rows: TreeRow[],
  row: TreeRow,
  focus: (row: TreeRow | undefined) => void,
): Record<string, () => void> {
  const { expanded, onToggle, onSelect } = props;
  const i = rows.findIndex((r) => r.id === row.id);
  const open = row.kind === 'folder' && expanded.has(row.folder.name);
  const activate = () => {
    if (row.kind === 'folder') onToggle(row.folder.name);
    else onSelect(row.file.path);
  };
  return {
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
    Enter: activate,
    ' ': activate,
    '*': props.onExpandAll,
  };
}

/** The visible rows, the roving tab stop over them and the props that wire each item up. */
function useTreeItems(props: FileTreeViewProps) {
  const rows = visibleRows(props.tree, props.expanded);
  const [active, setActive] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const current =
    rows.find((r) => r.id === active) ?? rows.find((r) => r.id === props.selected) ?? rows[0];

  const focus = (row: TreeRow | undefined) => {
    if (!row) return;
    setActive(row.id);
    refs.current.get(row.id)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, row: TreeRow) => {
    e.stopPropagation();
    const action = rowKeys(props, rows, row, focus)[e.key];
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
    tabIndex: row.id === current?.id ? 0 : -1,
    onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => onKeyDown(e, row),
  });

  return { rows, setActive, itemProps };
}

interface FileItemProps {
  row: FileRow;
  level: number;
  item: ItemProps;
  selected: string | null;
  onSelect: (path: string) => void;
  setActive: (id: string) => void;
}

function FileItem({ row, level, item, selected, onSelect, setActive }: FileItemProps) {
  return (
    <li
      {...item}
      role="treeitem"
      onKeyDown={item.onKeyDown}
      aria-selected={selected === row.file.path}
      className={cx(
        itemClass,
        // Root files line up with the folder names, past the folders' arrow.
        level === 1 && 'pl-7',
        selected === row.file.path ? 'bg-accent text-accent-fg' : 'hover:bg-muted',
      )}
      onClick={(e) => {
        e.stopPropagation();
        setActive(row.id);
        onSelect(row.file.path);
      }}
    >
      {row.file.label}
    </li>
  );
}

interface FolderItemProps {
  folder: FileTree['folders'][number];
  open: boolean;
  item: ItemProps;
  onClick: () => void;
  children: ReactNode;
}

function FolderItem({ folder, open, item, onClick, children }: FolderItemProps) {
  const count = `${folder.files.length} ${folder.files.length === 1 ? 'file' : 'files'}`;
  return (
    <li
      {...item}
      role="treeitem"
      onKeyDown={item.onKeyDown}
      aria-selected={false}
      aria-expanded={open}
      aria-label={`${folder.name}/, ${count}`}
      className="rounded focus-visible:outline-2 focus-visible:outline-focus"
      onClick={onClick}
    >
      <span className={cx(itemClass, 'hover:bg-muted')} aria-hidden="true">
        <span className="w-3 text-fg-muted">{open ? '▾' : '▸'}</span>
        <span className="font-semibold">{folder.name}/</span>
        <span className="ml-auto text-fg-muted">{count}</span>
      </span>
      {open ? (
        <ul role="group" className="ml-4 space-y-0.5 border-l border-border pl-1">
          {children}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * A WAI-ARIA tree of folders and files with one tab stop: Up/Down move, Right opens a folder or
 * enters it, Left closes it or goes to the parent, Home/End jump, `*` opens every folder,
 * Enter/Space opens a file or toggles a folder.
 */
export function FileTreeView(props: FileTreeViewProps) {
  const { tree, label, expanded, onToggle, selected, onSelect } = props;
  const { rows, setActive, itemProps } = useTreeItems(props);

  const fileItem = (row: FileRow, level: number) => (
    <FileItem
      key={row.id}
      row={row}
      level={level}
      item={itemProps(row, level)}
      selected={selected}
      onSelect={onSelect}
      setActive={setActive}
    />
  );

  return (
    <ul role="tree" aria-label={label} className="space-y-0.5">
      {tree.folders.map((folder) => {
        const row = rows.find((r) => r.id === `folder:${folder.name}`) as TreeRow;
        return (
          <FolderItem
            key={row.id}
            folder={folder}
            open={expanded.has(folder.name)}
            item={itemProps(row, 1)}
            onClick={() => {
              setActive(row.id);
              onToggle(folder.name);
            }}
          >
            {rows.filter(isFileIn(row.id)).map((f) => fileItem(f, 2))}
          </FolderItem>
        );
      })}
      {rows.filter(isFileIn(null)).map((f) => fileItem(f, 1))}
    </ul>
  );
}
