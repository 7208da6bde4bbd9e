/** Images, read and changed through whatever engine client is live. */
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type {
  ImageDetail,
  LoadResult,
  PrunePlan,
  PruneResult,
  RemoveResult,
  TransferEvent,
} from '../../../shared/dto/images';
import type { ImageSummary } from '../../../shared/dto/lists';
import { splitTagTarget } from '../../../shared/cli/images.cli';
import { checkTagTarget } from '../../../shared/image-reference';
import { registryOfImage } from '../../../shared/registry-name';
import { BerthFailure } from '../../../shared/result';
import type { DockerSource } from '../engine/engine.types';
import { engineFailure, engineText, statusOf } from '../engine/errors';
import { explainRemoveConflict } from './images.errors';
import { buildSteps, type OtherImage, type RawHistoryEntry } from './images.layers';
import {
  countContainersByImage,
  toContainerRef,
  toImageDetail,
  toImageSummary,
  toTransferEvent,
} from './images.mapper';

const INSPECT_CONCURRENCY = 8;

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      out[at] = await work(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The X-Registry-Auth credential for a reference (registries/registries.service.ts), or null for none. */
export type CredentialsFor = (reference: string) => Promise<object | null>;

export class ImagesService {
  constructor(
    private readonly engine: DockerSource,
    private readonly credentialsFor: CredentialsFor = () => Promise.resolve(null),
  ) {}

  /** Throws ENGINE_UNREACHABLE at once while the engine is down, before anything is promised to the user. */
  assertReachable(): void {
    this.engine.docker();
  }

  async list(): Promise<readonly ImageSummary[]> {
    const docker = this.engine.docker();
    const [raw, containers] = await Promise.all([docker.listImages(), docker.listContainers({ all: true })]);
    // Docker answers Containers: -1 here; one container list is cheaper than its disk-usage endpoint.
    const counts = countContainersByImage(containers);
    return raw.map((image) => toImageSummary(image, counts));
  }

  /** Everything the image page shows: overview, history aligned with layers, sharing, containers, raw JSON. */
  async inspect(reference: string): Promise<ImageDetail> {
    const docker = this.engine.docker();
    const raw = await this.inspectRaw(reference);
    const image = docker.getImage(raw.Id);
    const [history, images, containers] = await Promise.all([
      image.history() as Promise<RawHistoryEntry[]>,
      docker.listImages(),
      docker.listContainers({ all: true }),
    ]);
    const others = await mapLimited(
      images.filter((i) => i.Id !== raw.Id),
      INSPECT_CONCURRENCY,
      async (i): Promise<OtherImage> => ({
        id: i.Id,
        name: (i.RepoTags ?? []).find((t) => t !== '<none>:<none>') ?? i.Id.replace(/^sha256:/, '').slice(0, 12),
        layers: await docker
          .getImage(i.Id)
          .inspect()
          .then((x) => x.RootFS.Layers ?? [])
          // An image removed meanwhile shares nothing.
          .catch(() => []),
      }),
    );
    const steps = buildSteps(history, raw.RootFS.Layers ?? [], others);
    const sizes = steps.sizes ?? (await this.sizesFromDiskUsage(raw.Id, raw.Size));
    const mine = containers.filter((c) => c.ImageID === raw.Id).map(toContainerRef);
    return toImageDetail(raw, steps, sizes, mine);
  }

  async tag(source: string, target: string): Promise<{ reference: string }> {
    const check = checkTagTarget(target);
    if (!check.ok) throw new BerthFailure('INVALID_INPUT', check.message);
    const raw = await this.inspectRaw(source);
    const { repo, tag } = splitTagTarget(target);
    await this.engine.docker().getImage(raw.Id).tag({ repo, tag });
    return { reference: `${repo}:${tag}` };
  }

  /**
   * Removes a tag (when `reference` is one of several names) or the image. A 409 becomes a sentence naming the
   * containers in the way, with them in `details.containers`, so the UI can offer to remove them first.
   */
  async remove(reference: string, force: boolean): Promise<RemoveResult> {
    const docker = this.engine.docker();
    const raw = await this.inspectRaw(reference);
    try {
      const answer = (await docker.getImage(reference).remove({ force })) as { Untagged?: string; Deleted?: string }[];
      return {
        untagged: answer.flatMap((a) => (a.Untagged ? [a.Untagged] : [])),
        deleted: answer.flatMap((a) => (a.Deleted ? [a.Deleted] : [])),
      };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const users = (await docker.listContainers({ all: true })).filter((c) => c.ImageID === raw.Id);
      throw explainRemoveConflict(reference, raw.RepoTags ?? [], users.map(toContainerRef), error);
    }
  }

  async prunePlan(): Promise<PrunePlan> {
    const raw = await this.engine.docker().listImages({ filters: { dangling: ['true'] } });
    const images = raw.map((i) => ({
      id: i.Id,
      size: i.Size,
      created: i.Created * 1000,
      digests: (i.RepoDigests ?? []).filter((d) => d !== '<none>@<none>'),
    }));
    // The engine's SharedSize is -1 unless it computed disk usage; Size - SharedSize is what goes.
    const reclaimable = raw.reduce((sum, i) => sum + (i.SharedSize > 0 ? i.Size - i.SharedSize : i.Size), 0);
    return { images, reclaimable };
  }

  async prune(): Promise<PruneResult> {
    const answer = (await this.engine.docker().pruneImages({ filters: { dangling: ['true'] } })) as {
      ImagesDeleted?: { Deleted?: string; Untagged?: string }[] | null;
      SpaceReclaimed?: number;
    };
    return {
      deleted: (answer.ImagesDeleted ?? []).flatMap((d) => (d.Deleted ? [d.Deleted] : [])),
      spaceReclaimed: answer.SpaceReclaimed ?? 0,
    };
  }

  /** Pulls, emitting the engine's progress; resolves when done. Aborting the signal cancels the pull. */
  async pull(reference: string, emit: (event: TransferEvent) => void, signal: AbortSignal): Promise<void> {
    const authconfig = await this.credentialsFor(reference);
    const options = authconfig === null ? { abortSignal: signal } : { abortSignal: signal, authconfig };
    const stream = (await this.engine
      .docker()
      .pull(reference, options)
      .catch((error: unknown) => {
        // A refusal before the stream starts names the image's registry too, not whatever the engine's words name.
        const status = statusOf(error);
        if (status === undefined) throw error;
        throw engineFailure(engineText(error).trim(), status, registryOfImage(reference)?.registry);
      })) as Readable;
    await this.follow(stream, emit, signal, reference);
  }

  async push(reference: string, emit: (event: TransferEvent) => void, signal: AbortSignal): Promise<void> {
    const raw = await this.inspectRaw(reference);
    const { repo, tag } = splitTagTarget(reference);
    if (!(raw.RepoTags ?? []).includes(`${repo}:${tag}`)) {
      throw new BerthFailure('INVALID_INPUT', `Push needs a tag: give the image a name like ${repo}:${tag} first.`);
    }
    // Without a login, an empty credential: the engine insists on the header even for registries without login.
    const authconfig = (await this.credentialsFor(reference)) ?? {};
    const stream = (await this.engine
      .docker()
      .getImage(repo)
      .push({ tag, abortSignal: signal, authconfig })) as Readable;
    await this.follow(stream, emit, signal, reference);
  }

  /** The image as a `docker save` tar stream. */
  async save(reference: string): Promise<Readable> {
    const raw = await this.inspectRaw(reference);
    const name = (raw.RepoTags ?? []).includes(reference) ? reference : raw.Id;
    return (await this.engine.docker().getImage(name).get()) as Readable;
  }

  /** Loads a `docker save` tar; resolves with the names (or ids) the engine reports. */
  async load(tar: Readable): Promise<LoadResult> {
    const stream = (await this.engine.docker().loadImage(tar, { quiet: true })) as Readable;
    const loaded: string[] = [];
    let failure: string | undefined;
    await this.readLines(stream, (line) => {
      const record = line as { stream?: unknown; error?: unknown };
      if (typeof record.error === 'string') failure = record.error;
      const said = typeof record.stream === 'string' ? record.stream.trim() : '';
      const name = /^Loaded image(?: ID)?: (.+)$/.exec(said)?.[1];
      if (name) loaded.push(name);
    });
    if (failure !== undefined)
      throw new BerthFailure('INVALID_INPUT', `The engine could not load the file: ${failure}`);
    return { loaded };
  }

  private async inspectRaw(reference: string): Promise<Dockerode.ImageInspectInfo> {
    try {
      return await this.engine.docker().getImage(reference).inspect();
    } catch (error) {
      if (statusOf(error) === 404) {
        throw new BerthFailure('NOT_FOUND', `There is no image called ${reference} on this engine.`);
      }
      throw error;
    }
  }

  private async sizesFromDiskUsage(id: string, size: number): Promise<{ unique: number; shared: number }> {
    const df = (await this.engine.docker().df()) as { Images?: { Id: string; SharedSize: number }[] };
    const shared = Math.max(0, df.Images?.find((i) => i.Id === id)?.SharedSize ?? 0);
    return { unique: size - shared, shared };
  }

  private async follow(
    stream: Readable,
    emit: (event: TransferEvent) => void,
    signal: AbortSignal,
    reference: string,
  ): Promise<void> {
    let failure: string | undefined;
    const reading = this.readLines(stream, (line) => {
      const { event, error } = toTransferEvent(line as Parameters<typeof toTransferEvent>[0]);
      if (error !== undefined) failure ??= error;
      else if (event) emit(event);
    });
    // Cancelling destroys the request, which breaks the stream: that is the expected end, not a failure.
    await reading.catch((error: unknown) => {
      if (!signal.aborted) throw error;
    });
    if (signal.aborted) throw new BerthFailure('CANCELLED', 'The transfer was cancelled.');
    // The engine answers 200 and then reports the failure in the stream (errorDetail): the same table words it.
    // The registry is named from the reference: the engine's words often do not say which one refused.
    if (failure !== undefined) throw engineFailure(failure.trim(), undefined, registryOfImage(reference)?.registry);
  }

  /** JSON lines from an engine stream, one callback each, until the stream ends or breaks. */
  private readLines(stream: Readable, onLine: (line: unknown) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      let buffered = '';
      const take = (text: string) => {
        const trimmed = text.trim();
        if (trimmed === '') return;
        try {
          onLine(JSON.parse(trimmed));
        } catch {
          // A partial or foreign line: progress is best effort.
        }
      };
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(take);
      });
      stream.on('end', () => {
        take(buffered);
        resolve();
      });
      stream.on('close', () => resolve());
      stream.on('error', reject);
    });
  }
}
