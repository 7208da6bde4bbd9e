/**
 * Pure: the views of one indexed image, each computed on first use and kept, so that a page of a folder, a search
 * or the waste list costs the size of its answer rather than a pass over every layer: each layer's changes and
 * their folder levels, the summaries, the search index, the waste list and the last merged trees with their
 * sorted levels.
 */
import type { LayerChange, LayerStep, LayerSummary, LayerWaste, MergedEntry } from '../../../shared/dto/layers';
import { changeLevels } from './layers.changes';
import { MergedTree, mergedLevel } from './layers.merge';
import { everyLayersChanges, PathIndex } from './layers.search';
import type { IndexedLayer } from './layers.types';
import { computeWaste } from './layers.waste';

/** Merged trees kept per image: the one on screen and the one before it. */
const TREES = 2;

export class ImageViews {
  private changes: LayerChange[][] | null = null;
  private readonly levels = new Map<number, Map<string, LayerChange[]>>();
  private summaries: LayerSummary[] | null = null;
  private paths: PathIndex | null = null;
  private wasted: LayerWaste | null = null;
  private readonly trees = new Map<number, { tree: MergedTree; levels: Map<string, MergedEntry[] | null> }>();

  constructor(
    readonly name: string,
    readonly layers: readonly IndexedLayer[],
    readonly steps: readonly (LayerStep | null)[],
  ) {}

  allChanges(): LayerChange[][] {
    this.changes ??= everyLayersChanges(this.layers);
    return this.changes;
  }

  /** One folder's level of a layer's changes ([] when nothing changed there). */
  changesLevel(index: number, folder: string): LayerChange[] {
    let levels = this.levels.get(index);
    if (!levels) {
      levels = changeLevels(this.allChanges()[index] ?? []);
      this.levels.set(index, levels);
    }
    return levels.get(folder) ?? [];
  }

  summary(): LayerSummary[] {
    this.summaries ??= this.allChanges().map((mine, index): LayerSummary => {
      const layer = this.layers[index] as IndexedLayer;
      const counts = { added: 0, modified: 0, deleted: 0, 'opaque-dir': 0 };
      for (const c of mine) if (c.kind !== null) counts[c.kind] += 1;
      let size = 0;
      for (const e of layer.entries) size += e.size;
      return {
        index,
        diffId: layer.diffId,
        step: this.steps[index] ?? null,
        size,
        added: counts.added,
        modified: counts.modified,
        deleted: counts.deleted,
        opaqueDirs: counts['opaque-dir'],
        entries: layer.entries.length + layer.deleted.length + layer.opaque.length,
      };
    });
    return this.summaries;
  }

  search(query: string, limit: number) {
    this.paths ??= new PathIndex(this.allChanges());
    return this.paths.search(query, limit);
  }

  waste(): LayerWaste {
    this.wasted ??= computeWaste(this.name, this.layers, this.steps);
    return this.wasted;
  }

  tree(index: number): MergedTree {
    return this.treeAt(index).tree;
  }

  /** One folder's level as of a layer, folders first; null when there is no such folder. */
  mergedLevel(index: number, folder: string): MergedEntry[] | null {
    const { tree, levels } = this.treeAt(index);
    if (!levels.has(folder)) levels.set(folder, mergedLevel(tree, folder));
    return levels.get(folder) ?? null;
  }

  private treeAt(index: number) {
    const found = this.trees.get(index);
    if (found) {
      this.trees.delete(index);
      this.trees.set(index, found);
      return found;
    }
    const made = { tree: MergedTree.of(this.layers, index), levels: new Map<string, MergedEntry[] | null>() };
    this.trees.set(index, made);
    for (const old of this.trees.keys()) if (this.trees.size > TREES) this.trees.delete(old);
    return made;
  }
}
