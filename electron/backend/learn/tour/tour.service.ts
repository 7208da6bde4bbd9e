/**
 * The guided tour on the user's own engine: each step's engine work (recorded in the transcript as the docker
 * command that does the same), each step's check, and a cleanup that removes everything labelled berth.tour=1.
 */
import { DEFAULT_STOP_TIMEOUT_S } from '../../../../shared/dto/containers';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type Dockerode from 'dockerode';
import { pack } from 'tar-fs';
import {
  cleanupContainer,
  cleanupImage,
  TOUR_COMMITTED,
  TOUR_CONTAINERS,
  TOUR_IMAGE,
  TOUR_LABEL,
  tourActions,
} from '../../../../shared/cli/tour.cli';
import {
  TOUR_STEPS,
  type TourCheck,
  type TourCleanup,
  type TourOutcome,
  type TourPlanStep,
  type TourStepId,
} from '../../../../shared/dto/tour';
import type { DiffEntry, DiffKind } from '../../../../shared/dto/containers';
import { cleanupNetwork, cleanupVolume } from '../../../../shared/cli/tour-data.cli';
import { BerthFailure } from '../../../../shared/result';
import type { ContainersService } from '../../containers/containers.service';
import { statusOf } from '../../engine/errors';
import type { Transcript } from '../../core/transcript';
import type { DockerSource } from '../../engine/engine.types';
import { buildTourImage } from './tour.build';
import { checkStep, type ImageFacts, type TourFacts } from './tour.checks';
import {
  assembleTourContext,
  defaultTourAssets,
  removeTourContext,
  tourContextPaths,
  type TourContext,
} from './tour.context';

export interface TourOptions {
  /** assets/tour; found from the working folder or the app's resources when not given. */
  readonly assetsDir?: string;
  /** Where the build context is written; one folder per Berth, removed by cleanup. */
  readonly workDir?: string;
}

const [A, B] = TOUR_CONTAINERS;
const LABEL_FILTER = { label: [`${TOUR_LABEL}=1`] };
const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

// tar-fs packs are Node streams; its typings describe them through tar-stream's own class.
const asStream = (tar: ReturnType<typeof pack>) => tar as unknown as NodeJS.ReadableStream;

/** Reads an object, or undefined when the engine has no such thing (404). */
async function maybe<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** What cleanup removed, as the tours say it. */
export const cleanupLine = (done: TourCleanup): string =>
  `Removed ${done.containers} containers, ${done.images} images, ${done.volumes} volumes and ${done.networks} ` +
  `networks labelled ${TOUR_LABEL}=1.`;

/** The letters `docker diff` prints. */
const DIFF_LETTER: Readonly<Record<DiffKind, string>> = { changed: 'C', added: 'A', deleted: 'D' };

/** Docker's default grace period before a stop kills the process, as `docker stop` without -t. */

export class TourService {
  readonly assetsDir: string | undefined;
  readonly workDir: string;

  constructor(
    private readonly engine: DockerSource,
    private readonly containers: ContainersService,
    private readonly transcript: Transcript,
    options: TourOptions = {},
  ) {
    this.assetsDir = options.assetsDir ?? defaultTourAssets();
    this.workDir = options.workDir ?? path.join(os.tmpdir(), `berth-tour-${process.pid}`);
  }

  plan(): readonly TourPlanStep<TourStepId>[] {
    const paths = tourContextPaths(this.workDir);
    return TOUR_STEPS.map((step) => ({ step, actions: tourActions(step, paths) }));
  }

  async check(step: TourStepId): Promise<TourCheck> {
    return checkStep(step, await this.facts());
  }

  async run(step: TourStepId): Promise<TourOutcome> {
    const docker = this.engine.docker();
    const actions = tourActions(step, tourContextPaths(this.workDir));
    const act = <T>(index: number, work: () => Promise<T>): Promise<T> => {
      const action = actions[index];
      if (action === undefined) throw new Error(`Tour step ${step} has no action ${index}.`);
      return this.transcript.run(action, work);
    };
    const lines = await this.perform(step, docker, act);
    return { step, lines };
  }

  private async perform(
    step: TourStepId,
    docker: Dockerode,
    act: <T>(index: number, work: () => Promise<T>) => Promise<T>,
  ): Promise<readonly string[]> {
    switch (step) {
      case 'build': {
        const paths = await this.prepare();
        return act(0, () => buildTourImage(docker, paths.contextDir, TOUR_IMAGE));
      }
      case 'layers': {
        const history: unknown = await act(0, () => docker.getImage(TOUR_IMAGE).history());
        const info = await act(1, () => docker.getImage(TOUR_IMAGE).inspect());
        const steps = (history as { CreatedBy: string; Size: number }[]).map(
          (h) =>
            `${h.Size > 0 ? `+${h.Size} bytes` : 'no files'} · ${h.CreatedBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, '')}`,
        );
        return [...steps, ...(info.RootFS.Layers ?? []).map((layer, i) => `layer ${i + 1}: ${short(layer)}`)];
      }
      case 'run':
        // One after the other, so the transcript lists them in the order the tour showed them.
        return this.each(async (name, i) =>
          act(i, async () => {
            const container = await docker.createContainer({ name, Image: TOUR_IMAGE, Labels: { [TOUR_LABEL]: '1' } });
            await container.start();
            return `${name}: container ${short(container.id)} is running.`;
          }),
        );
      case 'change': {
        const paths = tourContextPaths(this.workDir);
        const text = await readFile(paths.changeFile, 'utf8').catch(() => {
          throw new BerthFailure('NOT_FOUND', 'The tour files are gone; start the tour again from the first step.');
        });
        await act(0, () =>
          docker.getContainer(A).putArchive(asStream(pack(path.dirname(paths.changeFile))), { path: '/data' }),
        );
        return [`${A}:/data/hello.txt now says: ${text.trim()}`];
      }
      case 'diff':
        return this.each((name, i) =>
          act(i, async () => {
            const changes = await this.changes(name);
            const list = changes.map((c) => `${DIFF_LETTER[c.kind]} ${c.path}`).join(', ');
            return `${name}: ${list === '' ? 'no changes' : list}`;
          }),
        );
      case 'commit': {
        const made = (await act(0, () => docker.getContainer(A).commit({ repo: 'berth-tour', tag: '2' }))) as {
          Id: string;
        };
        return [`${TOUR_COMMITTED} is image ${short(made.Id)}.`];
      }
      case 'compare': {
        const [first, second] = await act(0, () =>
          Promise.all([docker.getImage(TOUR_IMAGE).inspect(), docker.getImage(TOUR_COMMITTED).inspect()]),
        );
        const before = first.RootFS.Layers ?? [];
        return (second.RootFS.Layers ?? []).map((layer, i) =>
          before[i] === layer
            ? `layer ${i + 1}: ${short(layer)} (shared)`
            : `layer ${i + 1}: ${short(layer)} (only in ${TOUR_COMMITTED})`,
        );
      }
      case 'remove':
        await act(0, () => Promise.all([A, B].map((name) => this.containers.stop(name, DEFAULT_STOP_TIMEOUT_S))));
        await act(1, () =>
          Promise.all([A, B].map((name) => this.containers.remove(name, { force: false, volumes: false }))),
        );
        return [`${A} and ${B} are stopped and removed.`];
      case 'cleanup': {
        const done = await this.cleanup();
        return [cleanupLine(done)];
      }
    }
  }

  /** Writes the build context for this engine's processor (the first part of the build step). */
  async prepare(): Promise<TourContext> {
    const version = await this.engine.docker().version();
    return assembleTourContext(this.assetsDir, this.workDir, version.Arch);
  }

  /**
   * Removes everything labelled berth.tour=1 by either tour (containers, images, volumes, networks) and both build
   * contexts; safe to call at any point of either tour.
   */
  async cleanup(): Promise<TourCleanup> {
    const docker = this.engine.docker();
    const containers = await docker.listContainers({ all: true, filters: LABEL_FILTER });
    for (const c of containers) {
      await this.transcript.run(cleanupContainer(c.Id), () =>
        docker.getContainer(c.Id).remove({ force: true, v: true }),
      );
    }
    // Newest first: an image with children (the commit, build steps) cannot go before them.
    const images = (await docker.listImages({ all: true, filters: LABEL_FILTER })).sort(
      (x, y) => y.Created - x.Created,
    );
    let removed = 0;
    for (const image of images) {
      // Removing a tagged image also removes its untagged parents, so some are gone by their turn.
      if ((await maybe(() => docker.getImage(image.Id).inspect())) === undefined) continue;
      await this.transcript.run(cleanupImage(image.Id), () => docker.getImage(image.Id).remove({ force: true }));
      removed += 1;
    }
    // Volumes and networks last: containers using them are gone by now.
    const { Volumes: volumes } = await docker.listVolumes({ filters: LABEL_FILTER });
    for (const volume of volumes ?? []) {
      await this.transcript.run(cleanupVolume(volume.Name), () => docker.getVolume(volume.Name).remove());
    }
    const networks = await docker.listNetworks({ filters: LABEL_FILTER });
    for (const network of networks) {
      await this.transcript.run(cleanupNetwork(network.Name), () => docker.getNetwork(network.Id).remove());
    }
    await removeTourContext(this.workDir);
    await removeTourContext(`${this.workDir}-data`);
    return { containers: containers.length, images: removed, volumes: volumes?.length ?? 0, networks: networks.length };
  }

  private async each(work: (name: string, index: number) => Promise<string>): Promise<readonly string[]> {
    const lines: string[] = [];
    for (const [i, name] of TOUR_CONTAINERS.entries()) lines.push(await work(name, i));
    return lines;
  }

  /** Everything the checks look at, read in one go. */
  async facts(): Promise<TourFacts> {
    const docker = this.engine.docker();
    const imageFacts = async (ref: string): Promise<ImageFacts | undefined> => {
      const info = await maybe(() => docker.getImage(ref).inspect());
      if (info === undefined) return undefined;
      return { id: info.Id, layers: info.RootFS.Layers ?? [], labelled: info.Config.Labels?.[TOUR_LABEL] === '1' };
    };
    const [image, committed, history, listed, leftImages] = await Promise.all([
      imageFacts(TOUR_IMAGE),
      imageFacts(TOUR_COMMITTED),
      maybe(() => docker.getImage(TOUR_IMAGE).history() as Promise<{ Size: number }[]>),
      docker.listContainers({ all: true, filters: LABEL_FILTER }),
      docker.listImages({ all: true, filters: LABEL_FILTER }),
    ]);
    const containers = listed.map((c) => ({
      name: (c.Names[0] ?? '').replace(/^\//, ''),
      imageId: c.ImageID,
      state: c.State,
    }));
    const changes: Record<string, readonly DiffEntry[]> = {};
    for (const { name } of containers.filter((c) => (TOUR_CONTAINERS as readonly string[]).includes(c.name))) {
      changes[name] = await this.changes(name);
    }
    return {
      image,
      committed,
      historySizes: (history ?? []).map((h) => h.Size),
      containers,
      changes,
      leftovers: { containers: listed.length, images: leftImages.length },
    };
  }

  private async changes(name: string): Promise<readonly DiffEntry[]> {
    return (await this.containers.changes(name)).entries;
  }
}
