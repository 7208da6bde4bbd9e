/** Images, read through whatever engine client is live. */
import type { ImageSummary } from '../../../shared/dto/lists';
import type { DockerSource } from './containers.service';
import { countContainersByImage, toImageSummary } from './images.mapper';

export class ImagesService {
  constructor(private readonly engine: DockerSource) {}

  async list(): Promise<readonly ImageSummary[]> {
    const docker = this.engine.docker();
    const raw = await docker.listImages();
    // Docker answers Containers: -1 here; one container list is cheaper than its disk-usage endpoint.
    const uncounted = raw.some((image) => !(typeof image.Containers === 'number' && image.Containers >= 0));
    const counts = uncounted ? countContainersByImage(await docker.listContainers({ all: true })) : undefined;
    return raw.map((image) => toImageSummary(image, counts));
  }
}
