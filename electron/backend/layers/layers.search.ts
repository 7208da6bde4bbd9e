/** Pure: every layer's changes, and finding paths across them by glob or substring. */
import type { LayerChange, LayerChangeKind, LayerMatch } from '../../../shared/dto/layers';
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

/**
 * Every change of every layer as one list of paths, lower-cased once, so a search is a single scan with no
 * allocation per path. Answers the first `limit` matches and how many there are in all.
 */
export class PathIndex {
  private readonly lower: string[] = [];
  private readonly refs: { layer: number; change: LayerChange & { kind: LayerChangeKind } }[] = [];

  constructor(changes: readonly (readonly LayerChange[])[]) {
    for (const [layer, list] of changes.entries())
      for (const c of list) {
        if (c.kind === null) continue;
        this.lower.push(c.path.toLowerCase());
        this.refs.push({ layer, change: c as LayerChange & { kind: LayerChangeKind } });
      }
  }

  search(
    query: string,
    limit: number,
  ): { how: 'glob' | 'substring'; matches: LayerMatch[]; total: number; truncated: boolean } {
    const how = isGlob(query) ? 'glob' : 'substring';
    const needle = query.toLowerCase().replace(/^\/+/, '');
    const glob = how === 'glob' ? globToRegExp(query) : null;
    const matches: LayerMatch[] = [];
    let total = 0;
    for (let i = 0; i < this.refs.length; i++) {
      const ref = this.refs[i] as (typeof this.refs)[number];
      if (glob ? !glob.test(ref.change.path) : !(this.lower[i] as string).includes(needle)) continue;
      total += 1;
      if (matches.length >= limit) continue;
      const { layer, change: c } = ref;
      matches.push({ layer, path: c.path, kind: c.kind, type: c.type, size: c.size });
    }
    return { how, matches, total, truncated: total > matches.length };
  }
}

export const searchLayers = (changes: readonly (readonly LayerChange[])[], query: string, limit: number) =>
  new PathIndex(changes).search(query, limit);
