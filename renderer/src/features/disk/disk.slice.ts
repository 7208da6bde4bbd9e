import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { DiskCategory, DiskPrunePreview, DiskPruneResult, DiskUsage } from '../../../../shared/dto/disk';
import type { BerthError, Result } from '../../../../shared/result';
import type { LoadState } from '../../ui/load-state';
import type { BerthState } from '../../app/state';

/** Disk usage is measured only when asked (GET /system/df walks every volume): no engine list, no polling. */
export interface DiskSlice {
  diskUsage: DiskUsage | null;
  diskLoad: LoadState;
  diskError: BerthError | null;
  /** Epoch ms of the last measurement shown. */
  diskMeasuredAt: number | null;
  measureDisk(): Promise<void>;
  previewDiskPrune(category: DiskCategory, all: boolean): Promise<Result<DiskPrunePreview>>;
  /** Prunes, then measures again so the page shows what is left. */
  pruneDisk(category: DiskCategory, all: boolean): Promise<Result<DiskPruneResult>>;
}

export const createDiskSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], DiskSlice> =>
  (set, get) => ({
    diskUsage: null,
    diskLoad: 'idle',
    diskError: null,
    diskMeasuredAt: null,
    async measureDisk() {
      set({ diskLoad: 'loading', diskError: null });
      const result = await api.disk.usage();
      if (result.ok) set({ diskUsage: result.value, diskLoad: 'ready', diskMeasuredAt: Date.now() });
      else set({ diskLoad: 'error', diskError: result.error });
    },
    previewDiskPrune: (category, all) => api.disk.prunePreview({ category, all }),
    async pruneDisk(category, all) {
      const result = await api.disk.prune({ category, all });
      if (result.ok) void get().measureDisk();
      return result;
    },
  });

declare module '../../app/state' {
  interface BerthState extends DiskSlice {}
}
