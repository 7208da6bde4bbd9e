/** Pure: one layer's changes against the layers below it, as a flat list or one folder's level. */
import type { LayerChange, LayerChangeKind, LayerEntry } from '../../../shared/dto/layers';
import { byFolderThenName } from './layers.mapper';
import type { MergedTree } from './layers.merge';
import type { IndexedLayer } from './layers.types';

const folderEntry = (path: string): LayerEntry => ({
  path,
  type: 'dir',
  size: 0,
  mode: '755',
  uid: 0,
  gid: 0,
  mtime: 0,
  link: null,
});

// Every field spelled out rather than spread: tens of thousands of these share one object shape, which is far
// quicker to make and to keep than spread copies.
const change = (entry: LayerEntry, kind: LayerChangeKind | null, hides = 0, below = 0): LayerChange => ({
  path: entry.path,
  type: entry.type,
  size: entry.size,
  mode: entry.mode,
  uid: entry.uid,
  gid: entry.gid,
  mtime: entry.mtime,
  link: entry.link,
  kind,
  below,
  hides,
});

/** A layer's changes against `lower` (the layers below it merged), sorted by path; whiteouts become deletions. */
export function changesOf(lower: MergedTree, layer: IndexedLayer): LayerChange[] {
  const byPath = new Map<string, LayerChange>();
  for (const path of layer.deleted) {
    const entry = lower.find(path)?.entry ?? { ...folderEntry(path), type: 'other' as const, mode: '0' };
    byPath.set(path, change(entry, 'deleted', lower.bytesBelow(path, true)));
  }
  for (const entry of layer.entries) {
    byPath.set(entry.path, change(entry, lower.find(entry.path) ? 'modified' : 'added'));
  }
  for (const path of layer.opaque) {
    byPath.set(path, change(byPath.get(path) ?? folderEntry(path), 'opaque-dir', lower.bytesBelow(path, false)));
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Every folder's level of a flat change list in one pass: for each folder, its direct children (folders that only
 * hold changes below included), each with the number of changes below it, folders first then by name. Built once
 * per layer so that opening a folder costs its own size, not the layer's.
 */
export function changeLevels(changes: readonly LayerChange[]): Map<string, LayerChange[]> {
  const slots = new Map<string, Map<string, { own: LayerChange | null; below: number }>>();
  const slot = (folder: string, child: string) => {
    let level = slots.get(folder);
    if (!level) {
      level = new Map();
      slots.set(folder, level);
    }
    let found = level.get(child);
    if (!found) {
      found = { own: null, below: 0 };
      level.set(child, found);
    }
    return found;
  };
  for (const c of changes) {
    let folder = '';
    let from = 0;
    for (;;) {
      const slash = c.path.indexOf('/', from);
      const child = slash < 0 ? c.path : c.path.slice(0, slash);
      const here = slot(folder, child);
      if (slash < 0) {
        here.own = c;
        break;
      }
      here.below += 1;
      folder = child;
      from = slash + 1;
    }
  }
  const levels = new Map<string, LayerChange[]>();
  for (const [folder, level] of slots) {
    const list: LayerChange[] = [];
    for (const [path, { own, below }] of level)
      list.push(own ? change(own, own.kind, own.hides, below) : change(folderEntry(path), null, 0, below));
    levels.set(folder, list.sort(byFolderThenName));
  }
  return levels;
}

/** One folder's level of a flat change list: its direct children, with folders that only hold changes below. */
export function changesLevel(changes: readonly LayerChange[], folder: string): LayerChange[] {
  return changeLevels(changes).get(folder) ?? [];
}
