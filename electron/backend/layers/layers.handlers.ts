import type { DomainHandlers } from '../core/dispatcher.types';
import type { LayersService } from './layers.service';

/** Matches layers:search answers when the renderer names no limit. */
const SEARCH_LIMIT = 500;

/** Reading only: `docker save` changes nothing, so nothing here goes through the transcript. */
export function layersHandlers(layers: LayersService): DomainHandlers<'layers'> {
  return {
    requests: {
      'layers:index': ({ image }) => layers.index(image),
      'layers:changes': ({ image, layer, path, mode = 'level', cursor = 0 }) =>
        layers.changes(image, layer, path, mode, cursor),
      'layers:merged': ({ image, layer, path, mode = 'level', cursor = 0 }) =>
        layers.merged(image, layer, path, mode, cursor),
      'layers:search': ({ image, query, limit = SEARCH_LIMIT }) => layers.search(image, query, limit),
      'layers:readFile': ({ image, layer, path }) => layers.readFile(image, layer, path),
      'layers:waste': ({ image }) => layers.waste(image),
    },
    streams: {},
  };
}
