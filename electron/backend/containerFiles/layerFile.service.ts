/**
 * One file of an image as of a layer, to save to disk: found in the layers service's index (the layer that last
 * wrote it, a hard link followed to its bytes), then read from the engine's `docker save` stream, every other layer
 * streaming past unparsed where its name allows. The file is held in memory once, so its size is capped.
 */
import type { Readable } from 'node:stream';
import { BerthFailure } from '../../../shared/result';
import type { DockerSource } from '../engine/engine.types';
import { allBut, readArchive } from '../layers/layers.archive';
import { normalizePath } from '../layers/layers.mapper';
import { MergedTree } from '../layers/layers.merge';
import type { LayersService } from '../layers/layers.service';

/** Files up to this size are saved; bigger ones are left to `docker save`. */
export const MAX_SAVED_LAYER_FILE = 64 * 1024 * 1024;

export interface LayerFileSpot {
  readonly image: string;
  readonly imageId: string;
  /** The layer asked about (0 = the base) and the one whose tar holds the bytes. */
  readonly layer: number;
  readonly from: number;
  readonly diffId: string;
  /** As it is named in that layer's tar (the target for a hard link). */
  readonly stored: string;
  /** As the user asked for it. */
  readonly path: string;
  readonly size: number;
}

export const layerFileName = (path: string): string => normalizePath(path).split('/').pop() || 'file';

export class LayerFileService {
  constructor(
    private readonly engine: DockerSource,
    private readonly layers: LayersService,
  ) {}

  /** Where the bytes of `path` as of `ref` are; NOT_FOUND or INVALID_INPUT in words when it is not a file. */
  async locate(name: string, ref: number | string, rawPath: string): Promise<LayerFileSpot> {
    const image = await this.layers.indexed(name);
    const layer = typeof ref === 'number' ? ref : image.layers.findIndex((l) => l.diffId === ref);
    if (layer < 0 || layer >= image.layers.length)
      throw new BerthFailure('NOT_FOUND', `${name} has no layer ${typeof ref === 'number' ? ref + 1 : ref}.`);
    const path = normalizePath(rawPath);
    if (path === '') throw new BerthFailure('INVALID_INPUT', 'Choose a file to save; / is a folder.');
    let node = MergedTree.of(image.layers, layer).find(path);
    if (node?.entry?.type === 'hardlink' && node.entry.link) {
      const target: string = node.entry.link;
      node = MergedTree.of(image.layers, node.layer).find(target);
    }
    const entry = node?.entry;
    if (!node || !entry)
      throw new BerthFailure('NOT_FOUND', `There is no /${path} in ${name} as of layer ${layer + 1}.`);
    if (entry.type === 'dir') throw new BerthFailure('INVALID_INPUT', `/${path} is a folder; save a file.`);
    if (entry.type === 'symlink')
      throw new BerthFailure('INVALID_INPUT', `/${path} is a link to ${entry.link ?? 'another path'}; save that path.`);
    if (entry.type !== 'file') throw new BerthFailure('INVALID_INPUT', `/${path} is not a regular file.`);
    if (entry.size > MAX_SAVED_LAYER_FILE)
      throw new BerthFailure(
        'INVALID_INPUT',
        `/${path} holds ${entry.size} bytes; Berth saves files of a layer up to ${MAX_SAVED_LAYER_FILE / 1024 / 1024} MiB. Use docker save and tar for it.`,
      );
    const diffId = image.layers[node.layer]?.diffId ?? '';
    return {
      image: name,
      imageId: image.id,
      layer,
      from: node.layer,
      diffId,
      stored: entry.path,
      path,
      size: entry.size,
    };
  }

  /** The file's bytes, read from the layer's tar in the engine's export of the image. */
  async read(spot: LayerFileSpot): Promise<Buffer> {
    const save = (await this.engine.docker().getImage(spot.imageId).get()) as Readable;
    const others = new Set<string>();
    const image = await this.layers.indexed(spot.imageId);
    for (const l of image.layers) if (l.diffId !== spot.diffId) others.add(l.diffId);
    let bytes: Buffer | null = null;
    await readArchive(save, {
      wanted: allBut(others),
      want: { path: spot.stored, maxBytes: MAX_SAVED_LAYER_FILE },
      onLayer: (_path, read) => {
        if (read.layer.diffId !== spot.diffId || !read.file) return false;
        bytes = read.file;
        return true;
      },
    });
    if (bytes === null)
      throw new BerthFailure(
        'NOT_FOUND',
        `/${spot.path} was not in layer ${spot.from + 1} of the image the engine saved.`,
      );
    return bytes;
  }
}
