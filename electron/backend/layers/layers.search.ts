/** Pure: every layer's changes, and finding paths across them by glob or substring. */
import type { LayerChange, LayerMatch } from '../../../shared/dto/layers';
import { changesOf } from './layers.changes';
import { MergedTree } from './layers.merge';
import type { IndexedLayer } from './layers.types';

/** Each layer's changes against the layers below it, in one pass. */
export function everyLayersChanges(layers: readonly IndexedLayer[]): LayerChange[][] {
  const tree = new MergedTree();
  return layers.map((layer, index) => {
    const changes = changesOf(tree, layer);
    tree.apply(layer, index);
    return changes;
  });
}

const isGlob = (query: string): boolean => /[*?]/.test(query);

/**
 * `*` and `?` stay within one name, `**` crosses folders. A glob without `/` matches a name at any depth (as in
 * .gitignore); with one it matches the whole path from the root.
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.replace(/^\/+/, '');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '*' && pattern.charAt(i + 1) === '*') {
      const slash = pattern.charAt(i + 2) === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(pattern.includes('/') ? `^${source}$` : `(?:^|/)${source}$`);
}

export function searchLayers(
  changes: readonly (readonly LayerChange[])[],
  query: string,
  limit: number,
): { how: 'glob' | 'substring'; matches: LayerMatch[]; truncated: boolean } {
  const how = isGlob(query) ? 'glob' : 'substring';
  const needle = query.toLowerCase().replace(/^\/+/, '');
  const glob = how === 'glob' ? globToRegExp(query) : null;
  const matches: LayerMatch[] = [];
  for (const [layer, list] of changes.entries()) {
    for (const c of list) {
      if (c.kind === null) continue;
      if (glob ? !glob.test(c.path) : !c.path.toLowerCase().includes(needle)) continue;
      if (matches.length >= limit) return { how, matches, truncated: true };
      matches.push({ layer, path: c.path, kind: c.kind, type: c.type, size: c.size });
    }
  }
  return { how, matches, truncated: false };
}
