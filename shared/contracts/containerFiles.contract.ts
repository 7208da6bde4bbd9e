import { z } from 'zod';
import type { ContainerFolder } from '../dto/containerFiles';
import type { SavedImage } from '../dto/desktop';
import type { TransferTicket } from '../dto/images';
import { answers, request } from './define';
import { imageRef } from './images.contract';
import { layerPath, layerRef } from './layers.contract';

const containerId = z
  .string()
  .min(1, 'name a container')
  .max(256)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a container is named by its id or name (letters, digits, _ . -)');

/** A path inside the container from its root: no ".." segments, no NUL; '' or '/' is the root. */
export const containerPath = z
  .string()
  .max(4096, 'a path has at most 4096 characters')
  .refine((p) => !p.includes('\0'), 'a path cannot hold a NUL character')
  .refine((p) => !p.split('/').includes('..'), 'a path cannot go up with ".."');

const byPath = z.strictObject({ id: containerId, path: containerPath });
const layerFile = z.strictObject({ image: imageRef, layer: layerRef, path: layerPath });

export const containerFilesRequests = {
  /** One folder of the container's whole filesystem (image layers merged, writable-layer changes marked). */
  'files:list': request(byPath, answers<ContainerFolder>()),
  /** A one-use bridge address to download a file or folder as a tar (browser mode; `docker cp CTR:PATH -`). */
  'files:downloadTicket': request(byPath, answers<TransferTicket>()),
  /** A one-use bridge address to upload one file into a folder of the container (browser mode; `docker cp`). */
  'files:uploadTicket': request(byPath, answers<TransferTicket>()),
  /** Desktop app: a native save dialog, then the file or folder written there as a tar (`docker cp CTR:PATH -`). */
  'files:saveToFile': request(byPath, answers<SavedImage>()),
  /** Desktop app: a native open dialog, then the chosen file copied into the folder (`docker cp FILE CTR:DIR`). */
  'files:uploadFromFile': request(byPath, answers<SavedImage>()),
  /** A one-use bridge address to download one file of an image as of a layer (browser mode). */
  'files:layerFileTicket': request(layerFile, answers<TransferTicket>()),
  /** Desktop app: a native save dialog, then that file of the layer written there. */
  'files:saveLayerFile': request(layerFile, answers<SavedImage>()),
};
