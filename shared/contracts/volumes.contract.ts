import { z } from 'zod';
import type {
  VolumeFile,
  VolumeFolder,
  VolumePrunePreview,
  VolumePruneResult,
  VolumeRemovePreview,
  VolumeSummary,
  VolumeUsage,
} from '../dto/volumes';
import type { TransferTicket } from '../dto/images';
import { BULK_MAX_ITEMS, type BulkResult } from '../dto/bulk';
import { answers, request } from './define';

/** The engine's own rule for local volume names (daemon/names: RestrictedNamePattern). */
export const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const volumeName = z
  .string()
  .max(255, 'a volume name has at most 255 characters')
  .regex(
    VOLUME_NAME,
    'a volume name is at least two characters: letters, digits, "_", "." or "-", starting with a letter or digit',
  );

const labelKey = z
  .string()
  .min(1, 'a label key cannot be empty')
  .max(1024)
  .regex(/^[^=]+$/, 'a label key has no "="');
const stringMap = (what: string) =>
  z.record(labelKey, z.string().max(32768)).refine((map) => Object.keys(map).length <= 256, `at most 256 ${what}`);

/** A path inside the volume, relative to its root: no ".." segments, no NUL; '' or '/' is the root. */
export const volumePath = z
  .string()
  .max(4096, 'a path has at most 4096 characters')
  .refine((p) => !p.includes('\0'), 'a path cannot hold a NUL character')
  .refine((p) => !p.split('/').includes('..'), 'a path cannot go up with ".."');

export const volumeCreateSpec = z.strictObject({
  name: volumeName.optional(),
  driver: z
    .string()
    .max(255)
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, 'not a volume driver name')
    .optional(),
  driverOpts: stringMap('driver options'),
  labels: stringMap('labels'),
});

const byName = z.strictObject({ name: volumeName });
const pruneOptions = z.strictObject({ all: z.boolean().optional() }).optional();

export const volumesRequests = {
  /** Every volume with the containers using it; no sizes (see volumes:usage). */
  'volumes:list': request(z.undefined(), answers<readonly VolumeSummary[]>()),
  /** Sizes from GET /system/df, which walks every volume: ask for it once, after the list. */
  'volumes:usage': request(z.undefined(), answers<readonly VolumeUsage[]>()),
  'volumes:inspect': request(byName, answers<VolumeSummary>()),
  'volumes:create': request(volumeCreateSpec, answers<VolumeSummary>()),
  /** The size of a volume and the containers that stop its removal, to show before asking. */
  'volumes:removePreview': request(byName, answers<VolumeRemovePreview>()),
  'volumes:remove': request(z.strictObject({ name: volumeName, force: z.boolean().optional() }), answers<null>()),
  /** Removes many volumes at once; each answers for itself (`docker volume rm a b c`). */
  'volumes:bulkRemove': request(
    z.strictObject({ names: z.array(volumeName).min(1).max(BULK_MAX_ITEMS) }),
    answers<BulkResult>(),
  ),
  'volumes:prunePreview': request(pruneOptions, answers<VolumePrunePreview>()),
  'volumes:prune': request(pruneOptions, answers<VolumePruneResult>()),
  /** One folder of a volume, read through a helper container that is never started. */
  'volumes:browse': request(z.strictObject({ name: volumeName, path: volumePath }), answers<VolumeFolder>()),
  'volumes:readFile': request(z.strictObject({ name: volumeName, path: volumePath }), answers<VolumeFile>()),
  /** A one-use address on the bridge to download the volume's contents as a tar (browser mode). */
  'volumes:exportTicket': request(byName, answers<TransferTicket>()),
  /** A one-use address on the bridge to upload a tar into the (existing) volume (browser mode). */
  'volumes:importTicket': request(byName, answers<TransferTicket>()),
};
