/** Disk usage (GET /system/df, only on request) and each category's prune with its exact preview. */
import type Dockerode from 'dockerode';
import type { DiskCategory, DiskPrunePreview, DiskPruneResult, DiskUsage } from '../../../shared/dto/disk';
import type { DockerSource } from '../engine/engine.types';
import type { VolumesService } from '../volumes/volumes.service';
import { buildCachePruneItems, containerPruneItems, imagePruneItems, toDiskUsage, type RawDf } from './disk.mapper';

export class DiskService {
  constructor(
    private readonly engine: DockerSource,
    private readonly volumes: VolumesService,
  ) {}

  private docker(): Dockerode {
    return this.engine.docker();
  }

  private async df(): Promise<RawDf> {
    return (await this.docker().df()) as RawDf;
  }

  async usage(): Promise<DiskUsage> {
    return toDiskUsage(await this.df());
  }

  async prunePreview(category: DiskCategory, all = false): Promise<DiskPrunePreview> {
    const items = await this.items(category, all);
    return { category, all, items, total: items.reduce((sum, i) => sum + (i.size ?? 0), 0) };
  }

  private async items(category: DiskCategory, all: boolean): Promise<DiskPrunePreview['items']> {
    switch (category) {
      case 'images':
        return imagePruneItems(await this.df(), all);
      case 'containers':
        return containerPruneItems(await this.df());
      case 'volumes':
        return (await this.volumes.prunePreview(all)).volumes.map((v) => ({ id: v.name, name: v.name, size: v.size }));
      case 'buildCache':
        return buildCachePruneItems(await this.df(), all);
    }
  }

  async prune(category: DiskCategory, all = false): Promise<DiskPruneResult> {
    const docker = this.docker();
    switch (category) {
      case 'images': {
        const answer = (await docker.pruneImages({
          filters: JSON.stringify({ dangling: [all ? 'false' : 'true'] }),
        })) as { ImagesDeleted?: { Deleted?: string; Untagged?: string }[] | null; SpaceReclaimed?: number };
        const removed = (answer.ImagesDeleted ?? []).flatMap((d) => (d.Deleted ? [d.Deleted] : []));
        return { category, removed, spaceReclaimed: answer.SpaceReclaimed ?? 0 };
      }
      case 'containers': {
        const answer = (await docker.pruneContainers()) as {
          ContainersDeleted?: string[] | null;
          SpaceReclaimed?: number;
        };
        return { category, removed: answer.ContainersDeleted ?? [], spaceReclaimed: answer.SpaceReclaimed ?? 0 };
      }
      case 'volumes': {
        const { removed, spaceReclaimed } = await this.volumes.prune(all);
        return { category, removed, spaceReclaimed };
      }
      case 'buildCache': {
        const answer = await pruneBuilder(docker, all);
        return { category, removed: answer.CachesDeleted ?? [], spaceReclaimed: answer.SpaceReclaimed ?? 0 };
      }
    }
  }
}

/** POST /build/prune: dockerode's pruneBuilder sends no query, and `all` is one. */
function pruneBuilder(
  docker: Dockerode,
  all: boolean,
): Promise<{ CachesDeleted?: string[] | null; SpaceReclaimed?: number }> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: '/build/prune?',
        method: 'POST',
        statusCodes: { 200: true, 500: 'server error' },
        options: all ? { all: true } : {},
      },
      (err: Error | null, data: unknown) => (err ? reject(err) : resolve(data ?? {})),
    );
  });
}
