/** What the relationships view needs in one answer: every image with its layers, every container with its image id. */
import type { Relationships } from '../../../shared/dto/learn';
import type { DockerSource } from './containers.service';
import { toContainerNode, toImageNode } from './learn.mapper';

/** Inspecting images one by one is the only way to their layers; a few at a time keeps the engine responsive. */
const PARALLEL = 8;

export class LearnService {
  constructor(private readonly engine: DockerSource) {}

  async relationships(): Promise<Relationships> {
    const docker = this.engine.docker();
    const [listed, containers] = await Promise.all([docker.listImages(), docker.listContainers({ all: true })]);
    const images = [];
    for (let i = 0; i < listed.length; i += PARALLEL) {
      const batch = listed.slice(i, i + PARALLEL);
      // An image removed between the list and its inspect is simply left out.
      const infos = await Promise.allSettled(batch.map((image) => docker.getImage(image.Id).inspect()));
      for (const info of infos) if (info.status === 'fulfilled') images.push(toImageNode(info.value));
    }
    return { images, containers: containers.map(toContainerNode) };
  }
}
