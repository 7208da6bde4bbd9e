/**
 * An image's layers from `docker save`'s stream: each layer indexed once by diff id (LayerIndexCache), aligned with
 * `docker history`, then the views the contract offers: a summary per layer, one layer's changes, the merged
 * filesystem as of a layer, search, one small text file, and wasted space.
 */
import type { Readable } from 'node:stream';
import {
  MAX_LAYER_ENTRIES,
  MAX_LAYER_FILE_BYTES,
  type LayerChanges,
  type LayerFile,
  type LayerListMode,
  type LayerSearchResult,
  type LayersIndex,
  type LayerStep,
  type LayerWaste,
  type MergedListing,
} from '../../../shared/dto/layers';
import { BerthFailure } from '../../../shared/result';
import type { DockerSource } from '../engine/engine.types';
import { buildSteps, type RawHistoryEntry } from '../images/images.layers';
import { asText } from '../volumes/volumes.mapper';
import { allBut, readArchive } from './layers.archive';
import type { LayerIndexCache } from './layers.cache';
import { normalizePath, page } from './layers.mapper';
import { MergedTree, mergedFlat } from './layers.merge';
import type { IndexedLayer } from './layers.types';
import { ImageViews } from './layers.views';

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

/** Images whose index and derived views (changes, levels, search, waste, merged trees) stay in memory. */
const KEPT_IMAGES = 2;

/** How long a name's inspect answer is reused: long enough for one burst of requests, short enough for a re-tag. */
const NAME_TTL_MS = 2000;

interface Indexed {
  readonly image: IndexedImage;
  readonly views: ImageViews;
}

export class LayersService {
  private readonly running = new Map<string, Promise<Indexed>>();
  /** Per image id, most recent last: an id names the same bytes forever, so nothing here goes stale. */
  private readonly kept = new Map<string, Indexed>();
  private readonly names = new Map<string, { at: number; raw: { Id: string; RootFS: { Layers?: string[] } } }>();

  constructor(
    private readonly engine: DockerSource,
    private readonly cache: LayerIndexCache,
  ) {}

  private save(id: string): Promise<Readable> {
    return this.engine.docker().getImage(id).get() as Promise<Readable>;
  }

  /**
   * Inspects the image and indexes the layers the cache lacks; concurrent callers for one image share the work,
   * and later callers get the kept index and views (reporting nothing read now).
   */
  async indexed(name: string): Promise<IndexedImage> {
    return (await this.open(name)).image;
  }

  /**
   * The image a name points to, asked of the engine at most once per NAME_TTL_MS: opening the tab sends the index,
   * the first level and the waste at once, and each page or search would otherwise wait on its own inspect.
   */
  private async resolve(name: string): Promise<{ Id: string; RootFS: { Layers?: string[] } }> {
    const now = performance.now();
    const known = this.names.get(name);
    if (known && now - known.at < NAME_TTL_MS) return known.raw;
    const raw = await this.engine.docker().getImage(name).inspect();
    this.names.set(name, { at: now, raw });
    for (const [old, { at }] of this.names) if (now - at >= NAME_TTL_MS) this.names.delete(old);
    return raw;
  }

  private async open(name: string): Promise<Indexed> {
    const raw = await this.resolve(name);
    const key = raw.Id;
    const kept = this.kept.get(key);
    if (kept) {
      this.kept.delete(key);
      this.kept.set(key, kept);
      return { image: { ...kept.image, name, indexedNow: 0, elapsedMs: 0 }, views: kept.views };
    }
    const running = this.running.get(key);
    if (running) {
      const shared = await running;
      return { ...shared, image: { ...shared.image, name } };
    }
    const work = this.indexNow(name, raw.Id, raw.RootFS.Layers ?? []).then((image) => {
      const made = { image, views: new ImageViews(image.name, image.layers, image.steps) };
      this.kept.set(key, made);
      for (const old of this.kept.keys()) if (this.kept.size > KEPT_IMAGES) this.kept.delete(old);
      return made;
    });
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

  async index(name: string): Promise<LayersIndex> {
    const { image, views } = await this.open(name);
    return {
      image: name,
      id: image.id,
      layers: views.summary(),
      indexedNow: image.indexedNow,
      elapsedMs: image.elapsedMs,
    };
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
    const { image, views } = await this.open(name);
    const index = LayersService.at(image, ref);
    const layer = image.layers[index] as IndexedLayer;
    const folder = normalizePath(path ?? '');
    const shown =
      mode === 'level'
        ? views.changesLevel(index, folder)
        : (views.allChanges()[index] ?? []).filter(
            (c) => folder === '' || c.path === folder || c.path.startsWith(`${folder}/`),
          );
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
    const { image, views } = await this.open(name);
    const index = LayersService.at(image, ref);
    const folder = normalizePath(path ?? '');
    const shown = mode === 'level' ? views.mergedLevel(index, folder) : mergedFlat(views.tree(index), folder);
    if (shown === null)
      throw new BerthFailure('NOT_FOUND', `There is no folder /${folder} in ${name} as of layer ${index}.`);
    const diffId = image.layers[index]?.diffId ?? '';
    return { image: name, layer: index, diffId, path: folder, mode, ...page(shown, cursor, MAX_LAYER_ENTRIES) };
  }

  async search(name: string, query: string, limit: number): Promise<LayerSearchResult> {
    const { views } = await this.open(name);
    return { image: name, query, ...views.search(query, limit) };
  }

  async waste(name: string): Promise<LayerWaste> {
    const { views } = await this.open(name);
    return { ...views.waste(), image: name };
  }

  /** The file as of `ref`: read from the layer that last wrote it, streaming the image again up to that layer. */
  async readFile(name: string, ref: LayerRef, path: string): Promise<LayerFile> {
    const { image, views } = await this.open(name);
    const index = LayersService.at(image, ref);
    const file = normalizePath(path);
    if (file === '') throw new BerthFailure('INVALID_INPUT', 'Choose a file to read; / is a folder.');
    let node = views.tree(index).find(file);
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
