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

const change = (entry: LayerEntry, kind: LayerChangeKind | null, hides = 0, below = 0): LayerChange => ({
  ...entry,
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

/** One folder's level of a flat change list: its direct children, with folders that only hold changes below. */
export function changesLevel(changes: readonly LayerChange[], folder: string): LayerChange[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const level = new Map<string, { own: LayerChange | null; below: number }>();
  for (const c of changes) {
    if (!c.path.startsWith(prefix) || c.path === folder) continue;
    const rest = c.path.slice(prefix.length);
    const slash = rest.indexOf('/');
    const child = prefix + (slash < 0 ? rest : rest.slice(0, slash));
    const slot = level.get(child) ?? { own: null, below: 0 };
    if (slash < 0) slot.own = c;
    else slot.below += 1;
    level.set(child, slot);
  }
  return [...level.entries()]
    .map(([path, { own, below }]) => ({ ...(own ?? change(folderEntry(path), null)), below }))
    .sort(byFolderThenName);
}
