import { z } from 'zod';
import { DISK_CATEGORIES, type DiskPrunePreview, type DiskPruneResult, type DiskUsage } from '../dto/disk';
import { answers, request } from './define';

/** `all`: images, every unused one rather than dangling ones only; build cache, shared and internal records too. */
const pruneInput = z.strictObject({ category: z.enum(DISK_CATEGORIES), all: z.boolean().optional() });

export const diskRequests = {
  /** GET /system/df: slow on a big engine, so only on request, never polled. */
  'disk:usage': request(z.undefined(), answers<DiskUsage>()),
  'disk:prunePreview': request(pruneInput, answers<DiskPrunePreview>()),
  'disk:prune': request(pruneInput, answers<DiskPruneResult>()),
};
