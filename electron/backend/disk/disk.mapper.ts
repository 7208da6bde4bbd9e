/**
 * GET /system/df to shared DTOs, the totals `docker system df` prints (same formulas as the docker CLI's
 * cli/command/formatter/disk_usage.go), and what each category's prune would remove. Pure.
 */
import type {
  DiskBuildCache,
  DiskContainer,
  DiskImage,
  DiskPruneItem,
  DiskTotal,
  DiskUsage,
  DiskVolume,
} from '../../../shared/dto/disk';
import { toContainerState } from '../containers/containers.mapper';
import type { RawVolume } from '../volumes/volumes.mapper';

export interface RawDfImage {
  readonly Id: string;
  readonly RepoTags?: readonly string[] | null;
  readonly Size: number;
  readonly SharedSize: number;
  readonly Containers: number;
}

export interface RawDfContainer {
  readonly Id: string;
  readonly Names?: readonly string[] | null;
  readonly Image: string;
  readonly State: string;
  readonly SizeRw?: number;
  readonly SizeRootFs?: number;
}

export interface RawBuildCache {
  readonly ID: string;
  readonly Type?: string;
  readonly Description?: string;
  readonly Size: number;
  readonly InUse: boolean;
  readonly Shared: boolean;
  readonly LastUsedAt?: string | null;
}

export interface RawDf {
  readonly LayersSize?: number;
  readonly Images?: readonly RawDfImage[] | null;
  readonly Containers?: readonly RawDfContainer[] | null;
  readonly Volumes?: readonly RawVolume[] | null;
  readonly BuildCache?: readonly RawBuildCache[] | null;
  readonly BuilderSize?: number;
}

const tagsOf = (raw: RawDfImage): string[] => (raw.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
const known = (n: number | undefined): number | null => (typeof n === 'number' && n >= 0 ? n : null);

export function toDiskImage(raw: RawDfImage): DiskImage {
  const shared = known(raw.SharedSize);
  return {
    id: raw.Id,
    tags: tagsOf(raw),
    size: raw.Size,
    sharedSize: shared,
    uniqueSize: shared === null || raw.Size < 0 ? null : raw.Size - shared,
    containers: raw.Containers,
  };
}

export const toDiskContainer = (raw: RawDfContainer): DiskContainer => ({
  id: raw.Id,
  name: (raw.Names?.[0] ?? raw.Id.slice(0, 12)).replace(/^\//, ''),
  image: raw.Image,
  state: toContainerState(raw.State),
  sizeRw: raw.SizeRw ?? 0,
  sizeRootFs: raw.SizeRootFs ?? 0,
});

export const toDiskVolume = (raw: RawVolume): DiskVolume => ({
  name: raw.Name,
  size: known(raw.UsageData?.Size),
  refCount: known(raw.UsageData?.RefCount),
});

export function toDiskBuildCache(raw: RawBuildCache): DiskBuildCache {
  const lastUsed = raw.LastUsedAt ? Date.parse(raw.LastUsedAt) : NaN;
  return {
    id: raw.ID,
    type: raw.Type ?? '',
    description: raw.Description ?? '',
    size: raw.Size,
    inUse: raw.InUse,
    shared: raw.Shared,
    lastUsed: Number.isNaN(lastUsed) || lastUsed <= 0 ? null : lastUsed,
  };
}

/** Running, paused and restarting containers count as active, like the CLI's isActive. */
const isActive = (state: string): boolean => /running|paused|restarting/.test(state);

export function diskTotals(df: RawDf): DiskUsage['totals'] {
  const images = df.Images ?? [];
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  // Images: all layers on disk, minus what images with containers hold that no other image shares.
  const layers = df.LayersSize ?? 0;
  const usedByContainers = images
    .filter((i) => i.Containers > 0 && i.Size !== -1 && i.SharedSize !== -1)
    .reduce((sum, i) => sum + i.Size - i.SharedSize, 0);
  const imageTotal: DiskTotal = {
    count: images.length,
    active: images.filter((i) => i.Containers > 0).length,
    size: layers,
    reclaimable: Math.max(0, layers - usedByContainers),
  };
  const containerTotal: DiskTotal = {
    count: containers.length,
    active: containers.filter((c) => isActive(c.State)).length,
    size: containers.reduce((sum, c) => sum + (c.SizeRw ?? 0), 0),
    reclaimable: containers.filter((c) => !isActive(c.State)).reduce((sum, c) => sum + (c.SizeRw ?? 0), 0),
  };
  const sized = volumes.filter((v) => (v.UsageData?.Size ?? -1) !== -1);
  const volumeTotal: DiskTotal = {
    count: volumes.length,
    active: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
    size: sized.reduce((sum, v) => sum + (v.UsageData?.Size ?? 0), 0),
    reclaimable: sized
      .filter((v) => (v.UsageData?.RefCount ?? 0) === 0)
      .reduce((sum, v) => sum + (v.UsageData?.Size ?? 0), 0),
  };
  // The CLI sums the records itself (not the engine's deprecated BuilderSize): shared ones belong to images too.
  const builderSize = cache.filter((c) => !c.Shared).reduce((sum, c) => sum + c.Size, 0);
  const inUse = cache.filter((c) => c.InUse && !c.Shared).reduce((sum, c) => sum + c.Size, 0);
  const cacheTotal: DiskTotal = {
    count: cache.length,
    active: cache.filter((c) => c.InUse).length,
    size: builderSize,
    reclaimable: builderSize - inUse,
  };
  return { images: imageTotal, containers: containerTotal, volumes: volumeTotal, buildCache: cacheTotal };
}

export function toDiskUsage(df: RawDf): DiskUsage {
  return {
    images: (df.Images ?? []).map(toDiskImage),
    containers: (df.Containers ?? []).map(toDiskContainer),
    volumes: (df.Volumes ?? []).map(toDiskVolume),
    buildCache: (df.BuildCache ?? []).map(toDiskBuildCache),
    totals: diskTotals(df),
  };
}

/**
 * POST /images/prune: images no container (in any state) uses; by default only dangling ones (no tag). The size
 * is what only that image holds.
 */
export function imagePruneItems(df: RawDf, all: boolean): DiskPruneItem[] {
  return (df.Images ?? [])
    .filter((i) => i.Containers <= 0 && (all || tagsOf(i).length === 0))
    .map((i) => {
      const image = toDiskImage(i);
      return { id: i.Id, name: image.tags[0] ?? i.Id.replace(/^sha256:/, '').slice(0, 12), size: image.uniqueSize };
    });
}

/** POST /containers/prune: every container that is not running, paused or restarting. */
export const containerPruneItems = (df: RawDf): DiskPruneItem[] =>
  (df.Containers ?? [])
    .filter((c) => !isActive(c.State))
    .map((c) => ({ id: c.Id, name: toDiskContainer(c).name, size: c.SizeRw ?? 0 }));

/**
 * POST /build/prune: records not in use; without `all` BuildKit also keeps shared records and internal or
 * frontend ones (BuildKit cache manager prune).
 */
export const buildCachePruneItems = (df: RawDf, all: boolean): DiskPruneItem[] =>
  (df.BuildCache ?? [])
    .filter((c) => !c.InUse && (all || (!c.Shared && c.Type !== 'internal' && c.Type !== 'frontend')))
    .map((c) => ({ id: c.ID, name: c.Description || c.ID, size: c.Size }));
