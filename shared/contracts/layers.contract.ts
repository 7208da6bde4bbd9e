import { z } from 'zod';
import {
  MAX_LAYER_MATCHES,
  type LayerChanges,
  type LayerFile,
  type LayerSearchResult,
  type LayersIndex,
  type LayerWaste,
  type MergedListing,
} from '../dto/layers';
import { imageRef } from './images.contract';
import { answers, request } from './define';

/** A layer by its position in RootFS.Layers (0 = the base) or by its diff id. */
export const layerRef = z.union([
  z.number().int().min(0).max(10_000),
  z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a layer is a number or a diff id (sha256:<64 hex>)'),
]);

/** A path inside the image, from its root: no ".." segments, no NUL; '' or '/' is the root. */
export const layerPath = z
  .string()
  .max(4096, 'a path has at most 4096 characters')
  .refine((p) => !p.includes('\0'), 'a path cannot hold a NUL character')
  .refine((p) => !p.split('/').includes('..'), 'a path cannot go up with ".."');

const listing = z.strictObject({
  image: imageRef,
  layer: layerRef,
  path: layerPath.optional(),
  /** `level`: one folder's direct entries (the default); `flat`: everything below it. */
  mode: z.enum(['level', 'flat']).optional(),
  /** Where a page starts: a previous answer's nextCursor. */
  cursor: z.number().int().min(0).max(100_000_000).optional(),
});

const byImage = z.strictObject({ image: imageRef });

export const layersRequests = {
  /** Every layer in RootFS order with the step that made it; indexes the layers not yet on disk (docker save). */
  'layers:index': request(byImage, answers<LayersIndex>()),
  /** One layer's changes (added, modified, deleted, opaque folders), at most MAX_LAYER_ENTRIES a page. */
  'layers:changes': request(listing, answers<LayerChanges>()),
  /** The filesystem as of a layer (it and the layers below merged, whiteouts applied), paged the same way. */
  'layers:merged': request(listing, answers<MergedListing>()),
  /** Paths across all layers by glob (* ** ?) or substring. */
  'layers:search': request(
    z.strictObject({
      image: imageRef,
      query: z.string().min(1, 'type something to search for').max(500),
      limit: z.number().int().min(1).max(MAX_LAYER_MATCHES).optional(),
    }),
    answers<LayerSearchResult>(),
  ),
  /** A small text file as of a layer, read from the saved image. */
  'layers:readFile': request(
    z.strictObject({ image: imageRef, layer: layerRef, path: layerPath }),
    answers<LayerFile>(),
  ),
  /** Bytes that later layers overwrite or delete but that still ship, with advice per pair of steps. */
  'layers:waste': request(byImage, answers<LayerWaste>()),
};
