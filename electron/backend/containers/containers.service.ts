/** Containers: the list, a container's page, its lifecycle, its writable layer and commit. */
import type Dockerode from 'dockerode';
import type {
  CommitResult,
  ContainerChanges,
  ContainerOverview,
  CreatedContainer,
  ProcessTable,
  RunSpec,
} from '../../../shared/dto/containers';
import type { ContainerSummary } from '../../../shared/dto/lists';
import type { ContainerLossPlan } from '../../../shared/dto/bulk';
import {
  commitReference,
  parkedName,
  portArg,
  restartArg,
  type CommitOptions,
} from '../../../shared/cli/containers.cli';
import { BerthFailure } from '../../../shared/result';
import { engineDetails, engineText, statusOf } from '../engine/errors';
import type { DockerSource } from '../engine/engine.types';
import { toChanges } from './containers.changes.mapper';
import { ExecSessions } from './containers.exec';
import { oldLeftBehind, undoRecreate } from './containers.recreate';
import type { PendingRepairs } from '../core/repairs';
import { toContainerSummary } from './containers.mapper';
import { mapBounded } from '../core/bulk';
import { isAnonymousVolume, volumesOf } from './containers.volumes';
import { toRunSpecFromInspect } from './containers.edit.mapper';
import { EDIT_PLAN_MAX_CHANGES, type EditPlan, type RecreateResult } from '../../../shared/dto/recreate';
import { DEFAULT_STOP_TIMEOUT_S } from '../../../shared/dto/containers';
import { StatusTimesCache } from './containers.times';
import { maskRawInspect, toOverview } from './containers.overview.mapper';
import { watchStats, type StatsWatch } from './containers.stats';

/** Runs an engine call, turning a 404 about the container into a sentence that names it. */
async function onContainer<T>(ref: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (statusOf(error) === 404 && /no such container/i.test(engineText(error)))
      throw new BerthFailure('NOT_FOUND', `There is no container ${ref} on this engine; it may have been removed.`, {
        engine: engineText(error),
        statusCode: 404,
        entry: 'no-such-container',
      });
    throw error;
  }
}

export interface RecreateRequest {
  readonly spec: RunSpec;
  readonly keepEnv: readonly string[];
  readonly commitAs?: { readonly repo: string; readonly tag?: string };
}

/** Stopping a stopped container answers 304; that is what we wanted anyway. */
const ignoreNotModified = (error: unknown): void => {
  if (statusOf(error) !== 304) throw error;
};

/** The API body for a run spec, built the way the docker CLI builds it for the same `docker run` flags. */
export function toCreateOptions(spec: RunSpec): Dockerode.ContainerCreateOptions {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of spec.ports) {
    const key = `${p.containerPort}/${p.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({
      HostIp: p.hostIp ?? '',
      HostPort: p.hostPort === undefined ? '' : String(p.hostPort),
    });
  }
  const restart = restartArg(spec).split(':');
  return {
    Image: spec.image,
    ...(spec.name ? { name: spec.name } : {}),
    ...(spec.command && spec.command.length > 0 ? { Cmd: [...spec.command] } : {}),
    // `--entrypoint` sets one executable and, with no command given, drops the image's CMD too.
    ...(spec.entrypoint !== undefined ? { Entrypoint: [spec.entrypoint] } : {}),
    Env: [...spec.env],
    ExposedPorts: exposed,
    Labels: { ...spec.labels },
    OpenStdin: spec.interactive,
    AttachStdin: false,
    Tty: spec.tty,
    ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
    ...(spec.user ? { User: spec.user } : {}),
    HostConfig: {
      PortBindings: bindings,
      Binds: spec.mounts.map((m) => `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}`),
      RestartPolicy: { Name: restart[0] ?? 'no', MaximumRetryCount: Number(restart[1] ?? 0) },
      AutoRemove: spec.autoRemove,
      ...(spec.network ? { NetworkMode: spec.network } : {}),
      // --cpus is NanoCpus: billionths of a CPU.
      ...(spec.cpus !== undefined ? { NanoCpus: Math.round(spec.cpus * 1e9) } : {}),
      ...(spec.memory !== undefined ? { Memory: spec.memory } : {}),
    },
    ...(spec.network && spec.networkAliases && spec.networkAliases.length > 0
      ? { NetworkingConfig: { EndpointsConfig: { [spec.network]: { Aliases: [...spec.networkAliases] } } } }
      : {}),
  };
}

export class ContainersService {
  /** Interactive terminals, each owned by the stream subscription that opened it. */
  readonly exec: ExecSessions;

  /** Start and finish times of the listed containers, so their status lines age without asking the engine. */
  private readonly times: StatusTimesCache;

  constructor(
    private readonly engine: DockerSource,
    /** Where an undo the engine was not there for waits for it; null: the error says what to do by hand. */
    private readonly repairs: PendingRepairs | null = null,
  ) {
    this.exec = new ExecSessions(engine);
    this.times = new StatusTimesCache(async (id) => (await this.container(id).inspect()).State);
  }

  /** Live stats of the given containers; returns the cleanup. */
  watchStats(ids: readonly string[], watch: StatsWatch): () => void {
    return watchStats(this.engine, ids, watch);
  }

  private container(ref: string): Dockerode.Container {
    return this.engine.docker().getContainer(ref);
  }

  /** Running containers, or every container when `all` is set (like `docker ps` and `docker ps -a`). */
  async list(options: { readonly all?: boolean } = {}): Promise<readonly ContainerSummary[]> {
    const raw = await this.engine.docker().listContainers({ all: options.all ?? false });
    return this.times.fill(raw.map(toContainerSummary));
  }

  /** The container's name for commands and messages; the reference itself when the engine does not know it. */
  async nameOf(ref: string): Promise<string> {
    try {
      const raw = await this.container(ref).inspect();
      return raw.Name.replace(/^\//, '');
    } catch {
      return ref;
    }
  }

  async inspect(ref: string): Promise<ContainerOverview> {
    const raw = await onContainer(ref, () =>
      this.container(ref).inspect({ size: true } as Dockerode.ContainerInspectOptions),
    );
    let layers = -1;
    try {
      const image = await this.engine.docker().getImage(raw.Image).inspect();
      layers = image.RootFS?.Layers?.length ?? -1;
    } catch {
      // The image can be gone (removed with force) while its containers remain.
    }
    return toOverview(raw, layers);
  }

  async inspectRaw(ref: string): Promise<unknown> {
    return maskRawInspect(await onContainer(ref, () => this.container(ref).inspect()));
  }

  async changes(ref: string): Promise<ContainerChanges> {
    const answer: unknown = await onContainer(ref, () => this.container(ref).changes());
    // An unchanged layer is answered with a bare `null`, which dockerode hands over unparsed.
    const raw: unknown = Buffer.isBuffer(answer) ? JSON.parse(answer.toString('utf8')) : answer;
    return toChanges(Array.isArray(raw) ? (raw as { Path: string; Kind: number }[]) : []);
  }

  async top(ref: string): Promise<ProcessTable> {
    try {
      const raw = (await onContainer(ref, () => this.container(ref).top())) as {
        Titles?: string[];
        Processes?: string[][];
      };
      return { titles: raw.Titles ?? [], processes: raw.Processes ?? [] };
    } catch (error) {
      if (statusOf(error) === 409)
        throw new BerthFailure('CONFLICT', `Container ${ref} is not running, so it has no processes to list.`);
      throw error;
    }
  }

  /** `docker run -d`: create, then start. A container that cannot start is removed again, so its name stays free. */
  async run(spec: RunSpec): Promise<CreatedContainer> {
    const docker = this.engine.docker();
    let created: Dockerode.Container;
    try {
      created = await docker.createContainer(toCreateOptions(spec));
    } catch (error) {
      throw await this.explainCreate(error, spec);
    }
    const warnings = ((created as unknown as { warnings?: string[] | null }).warnings ?? []).filter(Boolean);
    try {
      await created.start();
    } catch (error) {
      await created.remove({ force: true }).catch(() => undefined);
      throw error;
    }
    return { id: created.id, name: spec.name ?? (await this.nameOf(created.id)), warnings };
  }

  private async explainCreate(error: unknown, spec: RunSpec): Promise<unknown> {
    const status = statusOf(error);
    const said = engineText(error);
    if (status === 404 && /no such image/i.test(said)) {
      return new BerthFailure(
        'NOT_FOUND',
        `There is no image ${spec.image} on this engine. Pull or build it first (\`docker pull ${spec.image}\`).`,
      );
    }
    if (status === 409 && spec.name) {
      const owner = /by container "?([0-9a-f]{12,64})/.exec(said)?.[1];
      let who = 'another container';
      if (owner) {
        const other = await this.container(owner)
          .inspect()
          .catch(() => null);
        who = other ? `container ${owner.slice(0, 12)} (${other.State.Status})` : `container ${owner.slice(0, 12)}`;
      }
      return new BerthFailure(
        'CONFLICT',
        `The name ${spec.name} is already taken by ${who}. Pick another name, or rename or remove that container.`,
        engineDetails(error),
      );
    }
    if (status === 400 || status === 500) {
      const port = spec.ports.find((p) => said.includes(String(p.containerPort)));
      if (/port/i.test(said) && port)
        return new BerthFailure(
          'INVALID_INPUT',
          `The engine refused the port mapping ${portArg(port)}: ${said}`,
          engineDetails(error),
        );
    }
    return error;
  }

  async start(ref: string): Promise<null> {
    await this.idempotent(ref, () => this.container(ref).start());
    return null;
  }

  async stop(ref: string, timeout: number): Promise<null> {
    await this.idempotent(ref, () => this.container(ref).stop({ t: timeout }));
    return null;
  }

  async restart(ref: string, timeout: number): Promise<null> {
    await onContainer(ref, () => this.container(ref).restart({ t: timeout }));
    return null;
  }

  async pause(ref: string): Promise<null> {
    await this.whenRunning(ref, 'pause', () => this.container(ref).pause());
    return null;
  }

  async unpause(ref: string): Promise<null> {
    await this.whenRunning(ref, 'unpause', () => this.container(ref).unpause());
    return null;
  }

  async kill(ref: string, signal: string): Promise<null> {
    await this.whenRunning(ref, `send ${signal} to`, () => this.container(ref).kill({ signal }));
    return null;
  }

  async remove(ref: string, options: { force: boolean; volumes: boolean }): Promise<null> {
    try {
      await onContainer(ref, () => this.container(ref).remove({ force: options.force, v: options.volumes }));
    } catch (error) {
      if (statusOf(error) === 409 && /running/i.test(engineText(error))) {
        throw new BerthFailure(
          'CONFLICT',
          `Container ${ref} is running, so the engine will not remove it. Stop it first, or remove it with force (\`docker rm -f\`), which kills it at once.`,
          engineDetails(error),
        );
      }
      throw error;
    }
    return null;
  }

  async rename(ref: string, name: string): Promise<null> {
    try {
      await onContainer(ref, () => this.container(ref).rename({ name }));
    } catch (error) {
      if (statusOf(error) === 409)
        throw new BerthFailure(
          'CONFLICT',
          `The name ${name} is already taken by another container.`,
          engineDetails(error),
        );
      throw error;
    }
    return null;
  }

  async commit(ref: string, options: CommitOptions): Promise<CommitResult> {
    const raw = (await onContainer(ref, () =>
      this.container(ref).commit({
        repo: options.repo,
        tag: options.tag || 'latest',
        ...(options.message ? { comment: options.message } : {}),
        ...(options.author ? { author: options.author } : {}),
      }),
    )) as { Id?: string };
    return { imageId: raw.Id ?? '', reference: commitReference(options) };
  }

  /** What removing each container destroys; one that cannot be inspected is listed with what is known. */
  async lossPlan(ids: readonly string[]): Promise<readonly ContainerLossPlan[]> {
    return mapBounded(ids, async (id) => {
      try {
        const raw = await this.container(id).inspect();
        const changes = await this.changes(id).then(
          (c) => c.entries.length,
          () => -1,
        );
        return { id, name: raw.Name.replace(/^\//, ''), state: raw.State.Status, changes, ...volumesOf(raw) };
      } catch (error) {
        // A container that is gone is reported as such; an engine that is gone fails the whole plan.
        if (statusOf(error) !== 404) throw error;
        return { id, name: id, state: 'unknown', changes: -1, anonymousVolumes: [], namedVolumes: [] };
      }
    });
  }

  /** The container's settings as a run spec, and what recreating it would lose (writable layer, anonymous volumes). */
  async editPlan(ref: string): Promise<EditPlan> {
    const raw = await onContainer(ref, () => this.container(ref).inspect());
    const image = await this.engine
      .docker()
      .getImage(raw.Image)
      .inspect()
      .then(
        (i) => i.Config,
        () => null,
      );
    const { spec, hiddenEnv, extraNetworks } = toRunSpecFromInspect(raw, image);
    const changes = await this.changes(ref);
    return {
      id: raw.Id,
      name: raw.Name.replace(/^\//, ''),
      spec,
      hiddenEnv,
      running: raw.State.Running,
      autoRemove: raw.HostConfig.AutoRemove ?? false,
      changeCount: changes.entries.length,
      changes: changes.entries.slice(0, EDIT_PLAN_MAX_CHANGES),
      anonymousVolumes: (raw.Mounts ?? []).flatMap((m) =>
        m.Type === 'volume' && m.Name && isAnonymousVolume(m.Name) ? [{ name: m.Name, target: m.Destination }] : [],
      ),
      extraNetworks,
    };
  }

  /**
   * Recreate under the same name, never half-done: the old container is renamed aside (and stopped), the new one
   * created and started; on any failure the new one is removed, the old one renamed back and restarted if it ran.
   * Only then is the old one removed, with the anonymous volumes the new one did not take over.
   */
  async recreate(ref: string, request: RecreateRequest): Promise<RecreateResult> {
    const old = await onContainer(ref, () => this.container(ref).inspect());
    const name = old.Name.replace(/^\//, '');
    const running = old.State.Running;
    if (running && old.HostConfig.AutoRemove)
      throw new BerthFailure(
        'CONFLICT',
        `${name} was started with --rm: stopping it removes it, so Berth cannot keep it to put back if the new one fails. Stop it yourself first, or recreate it from its image.`,
      );
    const { extraNetworks } = toRunSpecFromInspect(old, null);
    const keep = new Set(request.keepEnv);
    const setKeys = new Set(request.spec.env.map((l) => l.split('=', 1)[0]));
    const kept = (old.Config.Env ?? []).filter((l) => {
      const key = l.split('=', 1)[0] ?? '';
      return keep.has(key) && !setKeys.has(key);
    });
    let spec: RunSpec = { ...request.spec, name, env: [...request.spec.env, ...kept] };
    let committed: string | undefined;
    if (request.commitAs) {
      committed = (await this.commit(old.Id, request.commitAs)).reference;
      spec = { ...spec, image: committed };
    }
    const docker = this.engine.docker();
    const previous = docker.getContainer(old.Id);
    const step = { oldId: old.Id, name, running, since: Date.now() };
    await previous.rename({ name: parkedName(name, old.Id) });
    let created: Dockerode.Container | undefined;
    try {
      // Created before the old one stops: a bad spec or a missing image leaves the old one running throughout.
      created = await docker.createContainer(toCreateOptions(spec)).catch(async (e: unknown) => {
        throw await this.explainCreate(e, spec);
      });
      for (const network of extraNetworks) await docker.getNetwork(network).connect({ Container: created.id });
      if (running) await previous.stop({ t: DEFAULT_STOP_TIMEOUT_S }).catch(ignoreNotModified);
      await created.start();
    } catch (error) {
      await undoRecreate(this.engine, this.repairs, step, created?.id);
      throw error;
    }
    const reused = new Set(spec.mounts.filter((m) => m.type === 'volume').map((m) => m.source));
    await previous.remove({ force: true, v: false }).catch((error: unknown) => {
      throw oldLeftBehind(this.engine, this.repairs, step, error) ?? error;
    });
    const { anonymousVolumes } = volumesOf(old);
    for (const volume of anonymousVolumes.filter((v) => !reused.has(v)))
      await docker
        .getVolume(volume)
        .remove()
        .catch(() => undefined);
    return { id: created.id, name, image: spec.image, ...(committed ? { committed } : {}) };
  }

  /** Starting a running container or stopping a stopped one is not an error, as with the docker CLI. */
  private async idempotent(ref: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await onContainer(ref, work);
    } catch (error) {
      if (statusOf(error) !== 304) throw error;
    }
  }

  private async whenRunning(ref: string, verb: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await onContainer(ref, work);
    } catch (error) {
      if (statusOf(error) === 409)
        throw new BerthFailure(
          'CONFLICT',
          `Cannot ${verb} container ${ref}: ${engineText(error) || 'it is not running'}.`,
        );
      throw error;
    }
  }
}
