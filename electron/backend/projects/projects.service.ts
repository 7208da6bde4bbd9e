/**
 * Compose projects through the Engine API: listed from labels, and started, stopped, restarted, paused or removed
 * as a whole, in dependency order where the labels give it (start dependencies first, stop dependents first).
 */
import type Dockerode from 'dockerode';
import type { ContainerState } from '../../../shared/dto/lists';
import {
  COMPOSE_LABELS,
  type ProjectAction,
  type ProjectActionFailure,
  type ProjectActionResult,
  type ProjectContainer,
  type ProjectRemovePreview,
  type ProjectSummary,
} from '../../../shared/dto/projects';
import { BerthFailure } from '../../../shared/result';
import type { DockerSource } from '../engine/engine.types';
import { toBerthError } from '../engine/errors';
import { toProjects } from './projects.mapper';

const PROJECT_FILTER = { label: [COMPOSE_LABELS.project] };

/** Which containers each action touches; the others are already where the action would take them. */
const WANTS: Readonly<Record<Exclude<ProjectAction, 'restart'>, (s: ContainerState) => boolean>> = {
  start: (s) => s === 'created' || s === 'exited' || s === 'dead',
  stop: (s) => s === 'running' || s === 'restarting' || s === 'paused',
  pause: (s) => s === 'running',
  unpause: (s) => s === 'paused',
};

export class ProjectsService {
  constructor(private readonly engine: DockerSource) {}

  private docker(): Dockerode {
    return this.engine.docker();
  }

  async list(): Promise<ProjectSummary[]> {
    const docker = this.docker();
    const [containers, networks, volumes] = await Promise.all([
      docker.listContainers({ all: true, filters: PROJECT_FILTER }),
      docker.listNetworks({ filters: PROJECT_FILTER }),
      docker.listVolumes({ filters: PROJECT_FILTER }),
    ]);
    return toProjects(containers, networks, volumes.Volumes ?? []);
  }

  async get(name: string): Promise<ProjectSummary> {
    const project = (await this.list()).find((p) => p.name === name);
    if (project === undefined)
      throw new BerthFailure('NOT_FOUND', `There is no compose project ${name} on this engine.`);
    return project;
  }

  /** Runs one step over containers, one service at a time in `order`, the containers of a service at once. */
  private async step(
    project: ProjectSummary,
    order: 'dependencies-first' | 'dependents-first',
    wants: (s: ContainerState) => boolean,
    work: (c: Dockerode.Container) => Promise<unknown>,
    result: { done: string[]; failed: ProjectActionFailure[] },
  ): Promise<void> {
    const services = order === 'dependencies-first' ? project.services : [...project.services].reverse();
    for (const service of services) {
      const targets = service.containers.filter((c) => wants(c.state));
      await Promise.all(
        targets.map(async (c: ProjectContainer) => {
          try {
            await work(this.docker().getContainer(c.id));
            if (!result.done.includes(c.name)) result.done.push(c.name);
          } catch (error) {
            result.failed.push({ item: c.name, message: toBerthError(error).message });
          }
        }),
      );
    }
  }

  async act(name: string, action: ProjectAction): Promise<ProjectActionResult> {
    const project = await this.get(name);
    const result = { done: [] as string[], failed: [] as ProjectActionFailure[] };
    switch (action) {
      case 'start':
        await this.step(project, 'dependencies-first', WANTS.start, (c) => c.start(), result);
        break;
      case 'stop':
        await this.step(project, 'dependents-first', WANTS.stop, (c) => c.stop(), result);
        break;
      case 'restart':
        await this.step(project, 'dependents-first', WANTS.stop, (c) => c.stop(), result);
        await this.step(
          project,
          'dependencies-first',
          () => true,
          (c) => c.start(),
          result,
        );
        break;
      case 'pause':
        await this.step(project, 'dependents-first', WANTS.pause, (c) => c.pause(), result);
        break;
      case 'unpause':
        await this.step(project, 'dependencies-first', WANTS.unpause, (c) => c.unpause(), result);
        break;
    }
    return this.settled(project.name, action, result);
  }

  /** Throws when nothing could be done at all; otherwise says which containers failed and why. */
  private settled(name: string, action: string, result: ProjectActionResult): ProjectActionResult {
    if (result.failed.length > 0 && result.done.length === 0) {
      const first = result.failed[0];
      throw new BerthFailure(
        'ENGINE_ERROR',
        `Could not ${action} project ${name}: ${first?.item ?? ''}: ${first?.message ?? ''}`,
        { failed: result.failed },
      );
    }
    return result;
  }

  async removePreview(name: string): Promise<ProjectRemovePreview> {
    const project = await this.get(name);
    return {
      name,
      containers: project.services.flatMap((s) => s.containers.map((c) => ({ name: c.name, state: c.state }))),
      networks: project.networks.map((n) => n.name),
      volumes: project.volumes.map((v) => v.name),
    };
  }

  /** Like `docker compose down`: containers (dependents first), then networks, then volumes when asked. */
  async remove(name: string, volumes: boolean): Promise<ProjectActionResult> {
    const project = await this.get(name);
    const result = { done: [] as string[], failed: [] as ProjectActionFailure[] };
    await this.step(
      project,
      'dependents-first',
      () => true,
      (c) => c.remove({ force: true, v: volumes }),
      result,
    );
    for (const n of project.networks) {
      try {
        await this.docker().getNetwork(n.id).remove();
        result.done.push(n.name);
      } catch (error) {
        result.failed.push({ item: n.name, message: toBerthError(error).message });
      }
    }
    if (volumes) {
      for (const v of project.volumes) {
        try {
          await this.docker().getVolume(v.name).remove();
          result.done.push(v.name);
        } catch (error) {
          result.failed.push({ item: v.name, message: toBerthError(error).message });
        }
      }
    }
    return this.settled(name, 'remove', result);
  }
}
