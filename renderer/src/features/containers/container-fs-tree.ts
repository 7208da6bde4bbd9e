/**
 * Pure: a container's whole filesystem as loaded folder levels plus the opened folders, flattened into the rows the
 * virtualised tree draws, or filtered to the loaded paths that hold some text.
 */
import type { ContainerFileMark, ContainerFsEntry } from '../../../../shared/dto/containerFiles';

export type FsLevels = ReadonlyMap<string, readonly ContainerFsEntry[]>;

export interface FsRow {
  readonly entry: ContainerFsEntry;
  readonly depth: number;
  readonly expanded: boolean;
  /** Opens into a level of its own: a folder that is still there. */
  readonly folder: boolean;
  /** Shown with its whole path (a filter's match), not just its name. */
  readonly fullPath: boolean;
}

export const isFolder = (entry: ContainerFsEntry): boolean => entry.type === 'dir' && entry.mark !== 'deleted';

/** What the writable layer did, in words for the row and its accessible name. */
export const MARK_WORDS: Readonly<Record<Exclude<ContainerFileMark, null>, string>> = {
  added: 'added',
  changed: 'changed',
  deleted: 'deleted',
};

/** The rows on screen: each loaded level in order, an opened folder's level right below it. */
export function flattenFs(levels: FsLevels, expanded: ReadonlySet<string>): FsRow[] {
  const rows: FsRow[] = [];
  // An explicit stack: a deep tree must not overflow the call stack.
  const stack: { entries: readonly ContainerFsEntry[]; at: number; depth: number }[] = [];
  const top = levels.get('');
  if (top) stack.push({ entries: top, at: 0, depth: 0 });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as (typeof stack)[number];
    const entry = frame.entries[frame.at];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    frame.at += 1;
    const folder = isFolder(entry);
    const open = folder && expanded.has(entry.path);
    rows.push({ entry, depth: frame.depth, expanded: open, folder, fullPath: false });
    const below = open ? levels.get(entry.path) : undefined;
    if (below) stack.push({ entries: below, at: 0, depth: frame.depth + 1 });
  }
  return rows;
}

/** Every loaded entry whose path holds `text` (any case), by path, each as one flat row. */
export function filterFs(levels: FsLevels, text: string): FsRow[] {
  const needle = text.trim().replace(/^\/+/, '').toLowerCase();
  const rows: FsRow[] = [];
  for (const entries of levels.values())
    for (const entry of entries)
      if (entry.path.toLowerCase().includes(needle))
        rows.push({ entry, depth: 0, expanded: false, folder: false, fullPath: true });
  return rows.sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));
}

/** The folder to upload into for a row: the folder itself, or the folder a file is in. */
export const uploadFolderOf = (entry: ContainerFsEntry): string =>
  isFolder(entry) ? entry.path : entry.path.slice(0, Math.max(0, entry.path.lastIndexOf('/')));
