/**
 * Pure: layers stacked the way overlayfs stacks them. Within a layer, whiteouts and opaque folders act on the
 * layers below only, then the layer's own entries are written; every node remembers the layer that last wrote it.
 */
import type { LayerEntry, MergedEntry } from '../../../shared/dto/layers';
import { byFolderThenName } from './layers.mapper';
import type { IndexedLayer } from './layers.types';

export interface TreeNode {
  /** Null for a folder implied by a deeper path but never listed in a tar. */
  entry: LayerEntry | null;
  layer: number;
  children: Map<string, TreeNode> | null;
}

/** A file a layer hid from the ones below: overwritten by its own copy, or deleted by a whiteout or opaque folder. */
export interface Hidden {
  readonly entry: LayerEntry;
  readonly wroteLayer: number;
  readonly hidLayer: number;
  readonly how: 'overwritten' | 'deleted';
}

const segments = (path: string): string[] => (path === '' ? [] : path.split('/'));

function* files(node: TreeNode): Generator<{ entry: LayerEntry; layer: number }> {
  if (node.entry?.type === 'file') yield { entry: node.entry, layer: node.layer };
  for (const child of node.children?.values() ?? []) yield* files(child);
}

export class MergedTree {
  readonly root: TreeNode = { entry: null, layer: -1, children: new Map() };

  /** Stacks `layers` (index 0 first) up to and including `upTo`. */
  static of(layers: readonly IndexedLayer[], upTo = layers.length - 1): MergedTree {
    const tree = new MergedTree();
    for (let i = 0; i <= upTo; i++) {
      const layer = layers[i];
      if (layer) tree.apply(layer, i);
    }
    return tree;
  }

  find(path: string): TreeNode | undefined {
    let node: TreeNode | undefined = this.root;
    // Walks the names without splitting the path: this runs once per entry of every layer.
    let from = 0;
    while (path !== '' && node) {
      const slash = path.indexOf('/', from);
      node = node.children?.get(slash < 0 ? path.slice(from) : path.slice(from, slash));
      if (slash < 0) break;
      from = slash + 1;
    }
    return node;
  }

  /** Bytes of regular files at `path` and below it (`self` false: below only). */
  bytesBelow(path: string, self: boolean): number {
    const node = this.find(path);
    if (!node) return 0;
    let bytes = 0;
    for (const f of files(node)) if (self || f.entry !== node.entry) bytes += f.entry.size;
    return bytes;
  }

  /** Writes `layer` (number `index`) on top; `onHide` hears of every lower file it hides. */
  apply(layer: IndexedLayer, index: number, onHide?: (hidden: Hidden) => void): void {
    const hide = (node: TreeNode, how: Hidden['how']) => {
      if (onHide) for (const f of files(node)) onHide({ entry: f.entry, wroteLayer: f.layer, hidLayer: index, how });
    };
    for (const path of layer.deleted) {
      const parent = this.find(path.slice(0, Math.max(0, path.lastIndexOf('/'))));
      const name = path.slice(path.lastIndexOf('/') + 1);
      const node = parent?.children?.get(name);
      if (!node) continue;
      hide(node, 'deleted');
      parent?.children?.delete(name);
    }
    for (const path of layer.opaque) {
      const node = this.find(path);
      for (const child of node?.children?.values() ?? []) hide(child, 'deleted');
      node?.children?.clear();
    }
    const child = (parent: TreeNode, name: string): TreeNode => {
      parent.children ??= new Map();
      let next = parent.children.get(name);
      if (!next) {
        next = { entry: null, layer: index, children: null };
        parent.children.set(name, next);
      }
      return next;
    };
    // A tar lists a folder's entries together: the last parent found is reused instead of walking from the root.
    let lastFolder: string | null = null;
    let lastParent = this.root;
    for (const entry of layer.entries) {
      const slash = entry.path.lastIndexOf('/');
      const folder = slash < 0 ? '' : entry.path.slice(0, slash);
      if (folder !== lastFolder) {
        lastParent = this.root;
        for (const name of segments(folder)) lastParent = child(lastParent, name);
        lastFolder = folder;
      }
      const node = child(lastParent, entry.path.slice(slash + 1));
      if (node.entry?.type === 'file' && onHide)
        onHide({ entry: node.entry, wroteLayer: node.layer, hidLayer: index, how: 'overwritten' });
      if (entry.type !== 'dir' && node.children) {
        // A file or link in place of a folder: what the folder held is gone.
        for (const below of node.children.values()) hide(below, 'deleted');
        node.children = null;
        lastFolder = null;
      }
      node.entry = entry;
      node.layer = index;
    }
  }
}

function asMerged(path: string, node: TreeNode): MergedEntry {
  const entry = node.entry ?? {
    path,
    type: 'dir' as const,
    size: 0,
    mode: '755',
    uid: 0,
    gid: 0,
    mtime: 0,
    link: null,
  };
  return {
    path,
    type: entry.type,
    size: entry.size,
    mode: entry.mode,
    uid: entry.uid,
    gid: entry.gid,
    mtime: entry.mtime,
    link: entry.link,
    layer: node.layer,
    children: node.children?.size ?? 0,
  };
}

/** The direct entries of `folder`, folders first; null when there is no such folder. */
export function mergedLevel(tree: MergedTree, folder: string): MergedEntry[] | null {
  const node = tree.find(folder);
  if (!node || (node.entry !== null && node.entry.type !== 'dir')) return null;
  const prefix = folder === '' ? '' : `${folder}/`;
  return [...(node.children ?? new Map<string, TreeNode>()).entries()]
    .map(([name, child]) => asMerged(prefix + name, child))
    .sort(byFolderThenName);
}

/** Every entry at and below `folder`, depth first in name order; null when there is no such path. */
export function mergedFlat(tree: MergedTree, folder: string): MergedEntry[] | null {
  const start = tree.find(folder);
  if (!start) return null;
  const out: MergedEntry[] = [];
  const walk = (path: string, node: TreeNode) => {
    if (path !== '') out.push(asMerged(path, node));
    const names = [...(node.children?.keys() ?? [])].sort();
    for (const name of names) {
      const child = node.children?.get(name);
      if (child) walk(path === '' ? name : `${path}/${name}`, child);
    }
  };
  walk(folder, start);
  return out;
}
