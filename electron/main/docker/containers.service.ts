/** Containers, read through whatever engine client is live. */
import type Dockerode from 'dockerode';
import type { ContainerSummary } from '../../../shared/dto/lists';
import { toContainerSummary } from './containers.mapper';

/** The engine connection as services see it: a client now, or ENGINE_UNREACHABLE thrown at once. */
export interface DockerSource {
  docker(): Dockerode;
}

export class ContainersService {
  constructor(private readonly engine: DockerSource) {}

  /** Running containers, or every container when `all` is set (like `docker ps` and `docker ps -a`). */
  async list(options: { readonly all?: boolean } = {}): Promise<readonly ContainerSummary[]> {
    const raw = await this.engine.docker().listContainers({ all: options.all ?? false });
    return raw.map(toContainerSummary);
  }
}
