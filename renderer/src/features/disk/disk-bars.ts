/** The numbers behind the disk page's bars and labels. Pure. */
import type { DiskCategory, DiskTotal, DiskUsage } from '../../../../shared/dto/disk';

export const CATEGORY_TITLES: Readonly<Record<DiskCategory, string>> = {
  images: 'Images',
  containers: 'Containers',
  volumes: 'Volumes',
  buildCache: 'Build cache',
};

/** Percent widths of the kept and reclaimable parts of one category's bar, scaled to the biggest category. */
export function barWidths(total: DiskTotal, largest: number): { kept: number; reclaimable: number } {
  if (largest <= 0) return { kept: 0, reclaimable: 0 };
  const reclaimable = Math.min(Math.max(total.reclaimable, 0), total.size);
  const round = (n: number) => Math.round((n / largest) * 1000) / 10;
  return { kept: round(total.size - reclaimable), reclaimable: round(reclaimable) };
}

export const largestCategory = (usage: DiskUsage): number =>
  Math.max(0, ...Object.values(usage.totals).map((t) => t.size));
