import { describe, expect, it } from 'vitest';
import {
  buildCachePruneItems,
  containerPruneItems,
  diskTotals,
  imagePruneItems,
  toDiskUsage,
  type RawDf,
} from './disk.mapper';

const df: RawDf = {
  LayersSize: 1000,
  Images: [
    { Id: 'sha256:aaa', RepoTags: ['web:1'], Size: 600, SharedSize: 100, Containers: 1 },
    { Id: 'sha256:bbb', RepoTags: ['<none>:<none>'], Size: 300, SharedSize: 100, Containers: 0 },
    { Id: 'sha256:ccc', RepoTags: ['tool:2'], Size: 200, SharedSize: -1, Containers: 0 },
  ],
  Containers: [
    { Id: 'c1', Names: ['/up'], Image: 'web:1', State: 'running', SizeRw: 10, SizeRootFs: 610 },
    { Id: 'c2', Names: ['/down'], Image: 'web:1', State: 'exited', SizeRw: 40, SizeRootFs: 640 },
    { Id: 'c3', Names: ['/nap'], Image: 'web:1', State: 'paused', SizeRw: 5 },
  ],
  Volumes: [
    { Name: 'used', UsageData: { Size: 70, RefCount: 1 } },
    { Name: 'idle', UsageData: { Size: 30, RefCount: 0 } },
    { Name: 'remote', UsageData: { Size: -1, RefCount: 0 } },
  ],
  BuildCache: [
    {
      ID: 'b1',
      Type: 'regular',
      Description: 'RUN make',
      Size: 50,
      InUse: true,
      Shared: false,
      LastUsedAt: '2024-05-01T00:00:00Z',
    },
    { ID: 'b2', Type: 'regular', Description: 'COPY .', Size: 20, InUse: false, Shared: false, LastUsedAt: null },
    { ID: 'b3', Type: 'regular', Description: 'FROM x', Size: 80, InUse: false, Shared: true },
    { ID: 'b4', Type: 'internal', Description: 'local source', Size: 5, InUse: false, Shared: false },
  ],
  BuilderSize: 75,
};

describe('diskTotals', () => {
  it('computes each row like `docker system df`', () => {
    expect(diskTotals(df)).toEqual({
      // Reclaimable: all layers minus the unique part of images with containers (600 - 100).
      images: { count: 3, active: 1, size: 1000, reclaimable: 500 },
      // Paused and running containers are active; only the exited one's writable layer is reclaimable.
      containers: { count: 3, active: 2, size: 55, reclaimable: 40 },
      // Unknown sizes (-1) count for nothing.
      volumes: { count: 3, active: 1, size: 100, reclaimable: 30 },
      // Records not shared with images, minus those in use.
      buildCache: { count: 4, active: 1, size: 75, reclaimable: 25 },
    });
  });
  it('sums the records itself rather than trusting BuilderSize, as the CLI does', () => {
    expect(diskTotals({ ...df, BuilderSize: 3002 }).buildCache.size).toBe(75);
  });
});

describe('toDiskUsage', () => {
  it('maps rows, unknown shared sizes to null and dates to epoch ms', () => {
    const usage = toDiskUsage(df);
    expect(usage.images[1]).toEqual({
      id: 'sha256:bbb',
      tags: [],
      size: 300,
      sharedSize: 100,
      uniqueSize: 200,
      containers: 0,
    });
    expect(usage.images[2]).toMatchObject({ sharedSize: null, uniqueSize: null });
    expect(usage.containers[1]).toEqual({
      id: 'c2',
      name: 'down',
      image: 'web:1',
      state: 'exited',
      sizeRw: 40,
      sizeRootFs: 640,
    });
    expect(usage.volumes[2]).toEqual({ name: 'remote', size: null, refCount: 0 });
    expect(usage.buildCache[0]?.lastUsed).toBe(Date.UTC(2024, 4, 1));
    expect(usage.buildCache[1]?.lastUsed).toBeNull();
  });
});

describe('prune items', () => {
  it('images: dangling ones without containers, or every unused one with all', () => {
    expect(imagePruneItems(df, false)).toEqual([{ id: 'sha256:bbb', name: 'bbb', size: 200 }]);
    expect(imagePruneItems(df, true).map((i) => i.name)).toEqual(['bbb', 'tool:2']);
  });
  it('containers: every one not running, paused or restarting', () => {
    expect(containerPruneItems(df)).toEqual([{ id: 'c2', name: 'down', size: 40 }]);
  });
  it('build cache: not in use; without all, neither shared nor internal', () => {
    expect(buildCachePruneItems(df, false).map((i) => i.id)).toEqual(['b2']);
    expect(buildCachePruneItems(df, true).map((i) => i.id)).toEqual(['b2', 'b3', 'b4']);
  });
});
