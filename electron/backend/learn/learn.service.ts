/** What the relationships view needs in one answer: every image with its layers, every container with its image id. */
import type { ContainerNode, Relationships } from '../../../shared/dto/learn';
import type { DockerSource } from '../engine/engine.types';
import { toContainerNode, toImageNode } from './learn.mapper';

/** Inspecting one by one is the only way to image layers and to the name a container was created with; a few at a time keeps the engine responsive. */
const PARALLEL = 8;

export class LearnService {
  constructor(private readonly engine: DockerSource) {}

  async relationships(): Promise<Relationships> {
    const docker = this.engine.docker();
    const [listed, containers] = await Promise.all([
      docker.listImages(),
      docker.listContainers({ all: true, size: true }),
    ]);
    const images = [];
    for (let i = 0; i < listed.length; i += PARALLEL) {
      const batch = listed.slice(i, i + PARALLEL);
      // An image removed between the list and its inspect is simply left out.
      const infos = await Promise.allSettled(batch.map((image) => docker.getImage(image.Id).inspect()));
      for (const info of infos) if (info.status === 'fulfilled') images.push(toImageNode(info.value));
    }
    const nodes: ContainerNode[] = [];
    for (let i = 0; i < containers.length; i += PARALLEL) {
      const batch = containers.slice(i, i + PARALLEL);
      const infos = await Promise.allSettled(batch.map((c) => docker.getContainer(c.Id).inspect()));
      batch.forEach((c, j) => {
        const info = infos[j];
        nodes.push(toContainerNode(c, info?.status === 'fulfilled' ? info.value.Config.Image : undefined));
      });
    }
    return { images, containers: nodes };
  }
}
