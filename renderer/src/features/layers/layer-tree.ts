/**
 * Pure: the layer file tree as loaded folder levels plus the expanded folders, flattened into the rows the
 * virtualised view draws. One shape for both listings: a layer's own changes and the filesystem as of a layer.
 */
import type { LayerChange, LayerChangeKind, LayerEntryType, MergedEntry } from '../../../../shared/dto/layers';

export interface TreeEntry {
  readonly path: string;
  readonly name: string;
  readonly type: LayerEntryType;
  readonly size: number;
  readonly mode: string;
  readonly uid: number;
  readonly gid: number;
  readonly link: string | null;
  /** Changes view: how this layer changes the path (null: a folder that only holds changes below). */
  readonly kind: LayerChangeKind | null;
  /** Merged view: the layer that last wrote the path; changes view: the layer shown. */
  readonly layer: number;
  /** Whether the row opens into a level of its own. */
  readonly folder: boolean;
  /** Bytes a deletion or an opaque folder hides in the lower layers. */
  readonly hides: number;
}

export interface TreeRow {
  readonly entry: TreeEntry;
  readonly depth: number;
  readonly expanded: boolean;
}

export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export const parentPath = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** Every folder above a path, outermost first: `a/b/c` → ['a', 'a/b']. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

export function fromChange(c: LayerChange, layer: number): TreeEntry {
  return {
    path: c.path,
    name: baseName(c.path),
    type: c.type,
    size: c.size,
    mode: c.mode,
    uid: c.uid,
    gid: c.gid,
    link: c.link,
    kind: c.kind,
    layer,
    // Only changes below make a level: a deleted folder has nothing left to show in this layer.
    folder: c.below > 0,
    hides: c.hides,
  };
}

export function fromMerged(e: MergedEntry): TreeEntry {
  return {
    path: e.path,
    name: baseName(e.path),
    type: e.type,
    size: e.size,
    mode: e.mode,
    uid: e.uid,
    gid: e.gid,
    link: e.link,
    kind: null,
    layer: e.layer,
    folder: e.type === 'dir' && e.children > 0,
    hides: 0,
  };
}

/** The rows on screen: each loaded level in order, an expanded folder's level right below it. */
export function flattenTree(
  levels: ReadonlyMap<string, readonly TreeEntry[]>,
  expanded: ReadonlySet<string>,
  root = '',
): TreeRow[] {
  const rows: TreeRow[] = [];
  // An explicit stack instead of recursion: a deep tree must not overflow the call stack.
  const stack: { entries: readonly TreeEntry[]; at: number; depth: number }[] = [];
  const top = levels.get(root);
  if (top) stack.push({ entries: top, at: 0, depth: 0 });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as (typeof stack)[number];
    const entry = frame.entries[frame.at];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    frame.at += 1;
    const open = entry.folder && expanded.has(entry.path);
    rows.push({ entry, depth: frame.depth, expanded: open });
    const below = open ? levels.get(entry.path) : undefined;
    if (below) stack.push({ entries: below, at: 0, depth: frame.depth + 1 });
  }
  return rows;
}

/** `755` → `rwxr-xr-x`, with the setuid, setgid and sticky bits as `ls -l` shows them. */
export function modeText(mode: string, type: LayerEntryType): string {
  const bits = parseInt(mode, 8);
  if (Number.isNaN(bits)) return mode;
  const lead = type === 'dir' ? 'd' : type === 'symlink' ? 'l' : type === 'other' ? '?' : '-';
  const rwx = (shift: number, special: number, char: string) => {
    const n = (bits >> shift) & 7;
    const x = (n & 1) !== 0;
    const s = (bits & special) !== 0;
    return `${n & 4 ? 'r' : '-'}${n & 2 ? 'w' : '-'}${s ? (x ? char : char.toUpperCase()) : x ? 'x' : '-'}`;
  };
  return lead + rwx(6, 0o4000, 's') + rwx(3, 0o2000, 's') + rwx(0, 0o1000, 't');
}

export const KIND_LABEL: Readonly<Record<LayerChangeKind, string>> = {
  added: 'added',
  modified: 'modified',
  deleted: 'deleted',
  'opaque-dir': 'emptied',
};
