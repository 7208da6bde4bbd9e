import os from 'node:os';
import path from 'node:path';
import { defineDomain } from '../core/domain';
import { LayerIndexCache } from './layers.cache';
import { layersHandlers } from './layers.handlers';
import { LayersService } from './layers.service';

declare module '../core/domain' {
  interface Services {
    /** Inside an image's layers, read from `docker save` and indexed once per diff id. */
    readonly layers: LayersService;
  }
}

export const layersDomain = defineDomain({
  name: 'layers',
  make: ({ engine, cacheDir }) => {
    // Without a data folder (tests, the bridge run by hand) the indexes go to the temporary folder: they are a
    // cache, rebuilt from the engine whenever they are missing.
    const dir = path.join(cacheDir ?? os.tmpdir(), 'berth-layer-index');
    const layers = new LayersService(engine, new LayerIndexCache(dir));
    return { services: { layers }, handlers: layersHandlers(layers) };
  },
});
