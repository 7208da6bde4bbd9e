/**
 * An image's layers from `docker save`'s stream: each layer indexed once by diff id (LayerIndexCache), aligned with
 * `docker history`, then the views the contract offers: a summary per layer, one layer's changes, the merged
 * filesystem as of a layer, search, one small text file, and wasted space.
 */
import type { Readable } from 'node:stream';
import {
  MAX_LAYER_ENTRIES,
  MAX_LAYER_FILE_BYTES,
  type LayerChange,
  type LayerChanges,
  type LayerFile,
  type LayerListMode,
  type LayerSearchResult,
  type LayersIndex,
  type LayerStep,
  type LayerSummary,
  type LayerWaste,
  type MergedListing,
} from '../../../shared/dto/layers';
import { BerthFailure } from '../../../shared/result';
import type { DockerSource } from '../engine/engine.types';
import { buildSteps, type RawHistoryEntry } from '../images/images.layers';
import { asText } from '../volumes/volumes.mapper';
import { allBut, readArchive } from './layers.archive';
import type { LayerIndexCache } from './layers.cache';
import { changesLevel } from './layers.changes';
import { normalizePath, page } from './layers.mapper';
import { MergedTree, mergedFlat, mergedLevel } from './layers.merge';
import { everyLayersChanges, searchLayers } from './layers.search';
import type { IndexedLayer } from './layers.types';
import { computeWaste } from './layers.waste';

/** An image with every layer indexed. */
export interface IndexedImage {
  readonly name: string;
  readonly id: string;
  readonly layers: readonly IndexedLayer[];
  readonly steps: readonly (LayerStep | null)[];
  readonly indexedNow: number;
  readonly elapsedMs: number;
}

export type LayerRef = number | string;

/** The n-th step that made a layer is RootFS.Layers[n]; null for every layer when they could not be aligned. */
export function stepsOfLayers(history: readonly RawHistoryEntry[], diffIds: readonly string[]): (LayerStep | null)[] {
  const { steps } = buildSteps(history, diffIds, []);
  const made = steps.filter((s) => s.layer !== null);
  if (made.length !== diffIds.length) return diffIds.map(() => null);
  return made.map((s) => ({ index: s.index, instruction: s.instruction, createdBy: s.createdBy }));
}

/** Images whose derived views (every layer's changes, merged trees) stay in memory, most recent last. */
const DERIVED_IMAGES = 2;

export class LayersService {
  private readonly running = new Map<string, Promise<IndexedImage>>();
  /** Per image id: every layer's changes and the merged trees asked for, so paging and search do not redo them. */
  private readonly derived = new Map<string, { changes: LayerChange[][] | null; trees: Map<number, MergedTree> }>();

  constructor(
    private readonly engine: DockerSource,
    private readonly cache: LayerIndexCache,
  ) {}

  private save(id: string): Promise<Readable> {
    return this.engine.docker().getImage(id).get() as Promise<Readable>;
  }

  /** Inspects the image and indexes the layers the cache lacks; concurrent callers for one image share the work. */
  async indexed(name: string): Promise<IndexedImage> {
    const docker = this.engine.docker();
    const raw = await docker.getImage(name).inspect();
    const key = raw.Id;
    const running = this.running.get(key);
    if (running) return { ...(await running), name };
    const work = this.indexNow(name, raw.Id, raw.RootFS.Layers ?? []);
    this.running.set(key, work);
    try {
      return await work;
    } finally {
      this.running.delete(key);
    }
  }

  private async indexNow(name: string, id: string, diffIds: readonly string[]): Promise<IndexedImage> {
    const started = performance.now();
    const history = (await this.engine.docker().getImage(id).history()) as RawHistoryEntry[];
    const found = new Map<string, IndexedLayer>();
    for (const diffId of new Set(diffIds)) {
      const layer = await this.cache.get(diffId);
      if (layer) found.set(diffId, layer);
    }
    const missing = new Set(diffIds.filter((d) => !found.has(d)));
    let indexedNow = 0;
    if (missing.size > 0) {
      const archive = await readArchive(await this.save(id), {
        // Layers already indexed stream past unparsed when their names say so.
        wanted: allBut(new Set(found.keys())),
      });
      for (const read of archive.layers.values()) {
        if (!missing.has(read.layer.diffId) || found.has(read.layer.diffId)) continue;
        found.set(read.layer.diffId, read.layer);
        await this.cache.put(read.layer);
        indexedNow += 1;
      }
    }
    const layers = diffIds.map((diffId, index) => {
      const layer = found.get(diffId);
      if (!layer)
        throw new BerthFailure(
          'ENGINE_ERROR',
          `Layer ${index + 1} of ${name} (${diffId}) was not in the image the engine saved; try again.`,
        );
      return layer;
    });
    return {
      name,
      id,
      layers,
      steps: stepsOfLayers(history, diffIds),
      indexedNow,
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  private memo(image: IndexedImage) {
    const key = `${image.id}:${image.layers.map((l) => l.diffId).join()}`;
    const found = this.derived.get(key) ?? { changes: null, trees: new Map<number, MergedTree>() };
    this.derived.delete(key);
    this.derived.set(key, found);
    for (const old of this.derived.keys()) if (this.derived.size > DERIVED_IMAGES) this.derived.delete(old);
    return found;
  }

  private allChanges(image: IndexedImage): LayerChange[][] {
    const memo = this.memo(image);
    memo.changes ??= everyLayersChanges(image.layers);
    return memo.changes;
  }

  private treeAt(image: IndexedImage, index: number): MergedTree {
    const { trees } = this.memo(image);
    const found = trees.get(index);
    if (found) return found;
    const tree = MergedTree.of(image.layers, index);
    // One or two trees per image: the one on screen and the one before it.
    if (trees.size >= 2) trees.delete(trees.keys().next().value as number);
    trees.set(index, tree);
    return tree;
  }

  async index(name: string): Promise<LayersIndex> {
    const image = await this.indexed(name);
    const changes = this.allChanges(image);
    const layers = image.layers.map((layer, index): LayerSummary => {
      const mine = changes[index] ?? [];
      const count = (kind: string) => mine.filter((c) => c.kind === kind).length;
      return {
        index,
        diffId: layer.diffId,
        step: image.steps[index] ?? null,
        size: layer.entries.reduce((sum, e) => sum + e.size, 0),
        added: count('added'),
        modified: count('modified'),
        deleted: count('deleted'),
        opaqueDirs: count('opaque-dir'),
        entries: layer.entries.length + layer.deleted.length + layer.opaque.length,
      };
    });
    return { image: name, id: image.id, layers, indexedNow: image.indexedNow, elapsedMs: image.elapsedMs };
  }

  private static at(image: IndexedImage, ref: LayerRef): number {
    const index = typeof ref === 'number' ? ref : image.layers.findIndex((l) => l.diffId === ref);
    if (index < 0 || index >= image.layers.length)
      throw new BerthFailure(
        'NOT_FOUND',
        typeof ref === 'number'
          ? `${image.name} has ${image.layers.length} layers (0 to ${image.layers.length - 1}); there is no layer ${ref}.`
          : `${image.name} has no layer ${ref}.`,
      );
    return index;
  }

  async changes(
    name: string,
    ref: LayerRef,
    path: string | undefined,
    mode: LayerListMode,
    cursor: number,
  ): Promise<LayerChanges> {
    const image = await this.indexed(name);
    const index = LayersService.at(image, ref);
    const layer = image.layers[index] as IndexedLayer;
    const folder = normalizePath(path ?? '');
    const all = this.allChanges(image)[index] ?? [];
    const shown =
      mode === 'level'
        ? changesLevel(all, folder)
        : all.filter((c) => folder === '' || c.path === folder || c.path.startsWith(`${folder}/`));
    return {
      image: name,
      layer: index,
      diffId: layer.diffId,
      path: folder,
      mode,
      ...page(shown, cursor, MAX_LAYER_ENTRIES),
    };
  }

  async merged(
    name: string,
    ref: LayerRef,
    path: string | undefined,
    mode: LayerListMode,
    cursor: number,
  ): Promise<MergedListing> {
    const image = await this.indexed(name);
    const index = LayersService.at(image, ref);
    const folder = normalizePath(path ?? '');
    const tree = this.treeAt(image, index);
    const shown = mode === 'level' ? mergedLevel(tree, folder) : mergedFlat(tree, folder);
    if (shown === null)
      throw new BerthFailure('NOT_FOUND', `There is no folder /${folder} in ${name} as of layer ${index}.`);
    const diffId = image.layers[index]?.diffId ?? '';
    return { image: name, layer: index, diffId, path: folder, mode, ...page(shown, cursor, MAX_LAYER_ENTRIES) };
  }

  async search(name: string, query: string, limit: number): Promise<LayerSearchResult> {
    const image = await this.indexed(name);
    return { image: name, query, ...searchLayers(this.allChanges(image), query, limit) };
  }

  async waste(name: string): Promise<LayerWaste> {
    const image = await this.indexed(name);
    return computeWaste(name, image.layers, image.steps);
  }

  /** The file as of `ref`: read from the layer that last wrote it, streaming the image again up to that layer. */
  async readFile(name: string, ref: LayerRef, path: string): Promise<LayerFile> {
    const image = await this.indexed(name);
    const index = LayersService.at(image, ref);
    const file = normalizePath(path);
    if (file === '') throw new BerthFailure('INVALID_INPUT', 'Choose a file to read; / is a folder.');
    let node = MergedTree.of(image.layers, index).find(file);
    // A hard link's bytes are stored with its target, in the same layer.
    if (node?.entry?.type === 'hardlink' && node.entry.link) {
      const target: string = node.entry.link;
      node = MergedTree.of(image.layers, node.layer).find(target);
    }
    const entry = node?.entry;
    if (!node || !entry) throw new BerthFailure('NOT_FOUND', `There is no /${file} in ${name} as of layer ${index}.`);
    if (entry.type === 'dir') throw new BerthFailure('INVALID_INPUT', `/${file} is a folder, not a file.`);
    if (entry.type === 'symlink')
      throw new BerthFailure('INVALID_INPUT', `/${file} is a link to ${entry.link ?? 'another path'}; open that path.`);
    if (entry.type !== 'file') throw new BerthFailure('INVALID_INPUT', `/${file} is not a regular file.`);
    if (entry.size > MAX_LAYER_FILE_BYTES)
      throw new BerthFailure(
        'INVALID_INPUT',
        `/${file} holds ${entry.size} bytes; Berth shows files up to ${MAX_LAYER_FILE_BYTES / 1024} KiB. Use docker save to get it.`,
      );
    const from = node.layer;
    const diffId = image.layers[from]?.diffId ?? '';
    let bytes: Buffer | null = null;
    await readArchive(await this.save(image.id), {
      wanted: allBut(new Set(image.layers.map((l) => l.diffId).filter((d) => d !== diffId))),
      want: { path: entry.path, maxBytes: MAX_LAYER_FILE_BYTES },
      onLayer: (_p, read) => {
        if (read.layer.diffId !== diffId || !read.file) return false;
        bytes = read.file;
        return true;
      },
    });
    if (bytes === null)
      throw new BerthFailure('NOT_FOUND', `/${file} was not in layer ${from} of the image the engine saved.`);
    const text = asText(bytes);
    if (text === null)
      throw new BerthFailure('INVALID_INPUT', `/${file} looks like a binary file; Berth shows text files only.`);
    return { image: name, layer: from, path: entry.path, size: (bytes as Buffer).length, text };
  }
}
