import { z } from 'zod';
import type {
  ImageDetail,
  PrunePlan,
  PruneResult,
  RemoveResult,
  TagResult,
  TransferEvent,
  TransferTicket,
} from '../dto/images';
import type { ImageSummary } from '../dto/lists';
import { parseReference } from '../image-reference';
import { BULK_MAX_ITEMS, type BulkResult } from '../dto/bulk';
import { answers, request, stream } from './define';

/** An image id (full or short, with or without sha256:) or a name the engine knows. */
export const imageRef = z
  .string()
  .min(1)
  .max(300)
  .refine((text) => /^(sha256:)?[0-9a-f]{4,64}$/.test(text) || parseReference(text).ok, {
    message: 'not an image id or name',
  });

/** Only checked for length and characters here: the service explains what is wrong with a bad name. */
const newName = z.string().min(1).max(300).regex(/^\S+$/, 'an image name has no spaces');

/** A name to pull or push: a real reference, so nothing odd reaches the engine's query string. */
const remoteRef = z
  .string()
  .min(1)
  .max(300)
  .refine((text) => parseReference(text).ok, { message: 'not a valid image name' });

export const imagesRequests = {
  'images:list': request(z.undefined(), answers<readonly ImageSummary[]>()),
  'images:inspect': request(z.strictObject({ ref: imageRef }), answers<ImageDetail>()),
  'images:tag': request(z.strictObject({ ref: imageRef, target: newName }), answers<TagResult>()),
  'images:remove': request(z.strictObject({ ref: imageRef, force: z.boolean() }), answers<RemoveResult>()),
  /** Removes many tags or images at once; each answers for itself (`docker image rm a b c`). */
  'images:bulkRemove': request(
    z.strictObject({ refs: z.array(imageRef).min(1).max(BULK_MAX_ITEMS), force: z.boolean() }),
    answers<BulkResult>(),
  ),
  'images:prunePlan': request(z.undefined(), answers<PrunePlan>()),
  'images:prune': request(z.undefined(), answers<PruneResult>()),
  /** A one-use address on the bridge to download the image as a tar (browser mode). */
  'images:saveTicket': request(z.strictObject({ ref: imageRef }), answers<TransferTicket>()),
  /** A one-use address on the bridge to upload a tar to load (browser mode). */
  'images:loadTicket': request(z.undefined(), answers<TransferTicket>()),
};

export const imagesStreams = {
  /** Progress of a pull; ends when the image is here. Unsubscribing cancels the pull. */
  'images:pull': stream(z.strictObject({ ref: remoteRef }), answers<TransferEvent>()),
  'images:push': stream(z.strictObject({ ref: remoteRef }), answers<TransferEvent>()),
};
