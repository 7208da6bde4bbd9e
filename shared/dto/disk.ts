/** Disk usage as `docker system df -v` shows it, and what each category's prune would remove. */
import type { ContainerState } from './lists';

export interface DiskImage {
  readonly id: string;
  readonly tags: readonly string[];
  readonly size: number;
  /** Bytes in layers other images use too; null when the engine did not compute it (-1). */
  readonly sharedSize: number | null;
  readonly uniqueSize: number | null;
  readonly containers: number;
}

export interface DiskContainer {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly state: ContainerState;
  readonly sizeRw: number;
  readonly sizeRootFs: number;
}

export interface DiskVolume {
  readonly name: string;
  readonly size: number | null;
  readonly refCount: number | null;
}

export interface DiskBuildCache {
  readonly id: string;
  readonly type: string;
  readonly description: string;
  readonly size: number;
  readonly inUse: boolean;
  readonly shared: boolean;
  /** Epoch ms; null when never used. */
  readonly lastUsed: number | null;
}

/** One row of `docker system df`: the same numbers, in bytes. */
export interface DiskTotal {
  readonly count: number;
  readonly active: number;
  readonly size: number;
  readonly reclaimable: number;
}

export const DISK_CATEGORIES = ['images', 'containers', 'volumes', 'buildCache'] as const;
export type DiskCategory = (typeof DISK_CATEGORIES)[number];

export interface DiskUsage {
  readonly images: readonly DiskImage[];
  readonly containers: readonly DiskContainer[];
  readonly volumes: readonly DiskVolume[];
  readonly buildCache: readonly DiskBuildCache[];
  readonly totals: Readonly<Record<DiskCategory, DiskTotal>>;
}

export interface DiskPruneItem {
  readonly id: string;
  /** A tag, container name or volume name; the id again when there is nothing better. */
  readonly name: string;
  /** Bytes; null when unknown. */
  readonly size: number | null;
}

export interface DiskPrunePreview {
  readonly category: DiskCategory;
  readonly all: boolean;
  readonly items: readonly DiskPruneItem[];
  readonly total: number;
}

export interface DiskPruneResult {
  readonly category: DiskCategory;
  readonly removed: readonly string[];
  readonly spaceReclaimed: number;
}
