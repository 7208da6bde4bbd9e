/**
 * The second guided tour, "Where data lives and how containers talk", on the user's own engine: each step's engine
 * work (recorded in the transcript as the docker command that does the same) and each step's check. Everything is
 * labelled berth.tour=1; the first tour's cleanup removes it (containers, image, volume, network).
 */
import http from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { pack } from 'tar-fs';
import { extract } from 'tar-stream';
import path from 'node:path';
import {
  DATA_CONTAINERS,
  DATA_IMAGE,
  DATA_NETWORK,
  DATA_VOLUME,
  dataTourActions,
  NOTE_DIR,
  NOTE_FILE,
  TALK,
  TALK_PORT,
} from '../../../../shared/cli/tour-data.cli';
import { TOUR_LABEL } from '../../../../shared/cli/tour.cli';
import {
  DATA_TOUR_STEPS,
  type DataTourStepId,
  type TourCheck,
  type TourOutcome,
  type TourPlanStep,
} from '../../../../shared/dto/tour';
import { BerthFailure } from '../../../../shared/result';
import type { Transcript } from '../../core/transcript';
import { statusOf } from '../../engine/errors';
import type { DockerSource } from '../../engine/engine.types';
import { buildTourImage } from './tour.build';
import {
  checkDataStep,
  lastLine,
  type DataContainerFacts,
  type DataTourFacts,
  type PortReply,
} from './tour-data.checks';
import { assembleDataTourContext, dataTourAssets, dataTourPaths, TALK_ARCHES, writeNote } from './tour-data.context';
import { tourArch } from './tour.elf';
import { cleanupLine, type TourService } from './tour.service';

const C = DATA_CONTAINERS;
const LABELS = { [TOUR_LABEL]: '1' };
const LABEL_FILTER = { label: [`${TOUR_LABEL}=1`] };
const PORT_KEY = `${TALK_PORT}/tcp`;
/** Bounds on what the tour reads back from programs and archives. */
const MAX_OUTPUT = 8 * 1024;
const MAX_NOTE = 4 * 1024;
const MAX_ENTRIES = 200;
const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

// tar-fs packs are Node streams; its typings describe them through tar-stream's own class.
const asStream = (tar: ReturnType<typeof pack>) => tar as unknown as NodeJS.ReadableStream;

async function maybe<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Splits the engine's multiplexed stdout/stderr frames (8-byte headers) into one text, in order, bounded. */
export function demux(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let at = 0;
  let size = 0;
  while (at + 8 <= buffer.length && size < MAX_OUTPUT) {
    const length = buffer.readUInt32BE(at + 4);
    const part = buffer.subarray(at + 8, at + 8 + length);
    parts.push(part);
    size += part.length;
    at += 8 + length;
  }
  return Buffer.concat(parts).subarray(0, MAX_OUTPUT).toString('utf8');
}

/** The entries of a tar stream: names (first level under the folder asked for) and the text of one file. */
async function readTar(tar: Readable, want?: string): Promise<{ names: string[]; text?: string }> {
  const names: string[] = [];
  let text: string | undefined;
  const ex = extract();
  await new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, stream, next) => {
      const parts = header.name.replace(/\/$/, '').split('/');
      if (parts.length === 2 && names.length < MAX_ENTRIES && parts[1] !== undefined) names.push(parts[1]);
      const chunks: Buffer[] = [];
      let size = 0;
      const wanted = header.name === want;
      stream.on('data', (data: unknown) => {
        const chunk = data as Buffer;
        if (wanted && size < MAX_NOTE) chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('end', () => {
        if (wanted) text = Buffer.concat(chunks).subarray(0, MAX_NOTE).toString('utf8');
        next();
      });
      stream.resume();
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
    tar.on('error', reject);
    tar.pipe(ex);
  });
  return { names, text };
}

export class DataTourService {
  private readonly root: string;
  private readonly assetsDir: string | undefined;

  constructor(
    private readonly engine: DockerSource,
    private readonly transcript: Transcript,
    private readonly tour: TourService,
  ) {
    this.root = `${tour.workDir}-data`;
    this.assetsDir = dataTourAssets(tour.assetsDir);
  }

  plan(): readonly TourPlanStep[] {
    const paths = dataTourPaths(this.root);
    return DATA_TOUR_STEPS.map((step) => ({ step, actions: dataTourActions(step, paths) }));
  }

  async check(step: DataTourStepId): Promise<TourCheck> {
    return checkDataStep(step, await this.facts(step));
  }

  async run(step: DataTourStepId): Promise<TourOutcome> {
    const docker = this.engine.docker();
    const actions = dataTourActions(step, dataTourPaths(this.root));
    const act = <T>(index: number, work: () => Promise<T>): Promise<T> => {
      const action = actions[index];
      if (action === undefined) throw new Error(`Data tour step ${step} has no action ${index}.`);
      return this.transcript.run(action, work);
    };
    return this.perform(step, docker, act);
  }

  private async perform(
    step: DataTourStepId,
    docker: Dockerode,
    act: <T>(index: number, work: () => Promise<T>) => Promise<T>,
  ): Promise<TourOutcome> {
    const done = (lines: readonly string[], link?: string): TourOutcome => ({ step, lines, ...(link ? { link } : {}) });
    switch (step) {
      case 'lose': {
        const version = await docker.version();
        const { paths } = await assembleDataTourContext(this.assetsDir, this.root, version.Arch);
        await act(0, () => buildTourImage(docker, paths.contextDir, DATA_IMAGE));
        await this.removeIfThere(docker, C.scratch);
        const first = await act(1, () => this.runContainer(docker, C.scratch, {}));
        await act(2, () => this.putNote(docker, C.scratch));
        const before = await act(3, () => this.readNote(docker, C.scratch));
        await act(4, () => docker.getContainer(C.scratch).remove({ force: true }));
        const second = await act(5, () => this.runContainer(docker, C.scratch, {}));
        const after = await act(6, () => this.readNote(docker, C.scratch));
        return done([
          `${C.scratch} (container ${short(first)}): ${NOTE_FILE} says "${(before ?? '').trim()}"`,
          `docker rm: container ${short(first)} and its writable layer are gone.`,
          `${C.scratch} again (container ${short(second)}): ${after === null ? `there is no ${NOTE_FILE}.` : 'the note is still there?'}`,
        ]);
      }
      case 'keep': {
        await this.image(docker);
        await this.note();
        await Promise.all([C.writer, C.reader].map((name) => this.removeIfThere(docker, name)));
        await act(0, () => docker.createVolume({ Name: DATA_VOLUME, Labels: LABELS }));
        const binds = { HostConfig: { Binds: [`${DATA_VOLUME}:${NOTE_DIR}`] } };
        await act(1, () => this.runContainer(docker, C.writer, binds));
        await act(2, () => this.putNote(docker, C.writer));
        await act(3, () => docker.getContainer(C.writer).remove({ force: true }));
        await act(4, () => this.runContainer(docker, C.reader, binds));
        const note = await act(5, () => this.readNote(docker, C.reader));
        return done([
          `Volume ${DATA_VOLUME} is created and mounted at ${NOTE_DIR} in ${C.writer}, which writes ${NOTE_FILE}.`,
          `docker rm: ${C.writer} is gone; the volume is not.`,
          `${C.reader} mounts the same volume: ${note === null ? `there is no ${NOTE_FILE}.` : `${NOTE_FILE} says "${note.trim()}"`}`,
        ]);
      }
      case 'look': {
        const volume = await act(0, () => docker.getVolume(DATA_VOLUME).inspect());
        await this.removeIfThere(docker, C.look);
        await act(1, () =>
          docker.createContainer({
            name: C.look,
            Image: DATA_IMAGE,
            Labels: LABELS,
            HostConfig: { Binds: [`${DATA_VOLUME}:${NOTE_DIR}:ro`] },
          }),
        );
        const listing = await act(2, () => this.list(docker, C.look));
        return done([
          `Volume ${volume.Name}: driver ${volume.Driver}, kept by the engine at ${volume.Mountpoint}`,
          `${C.look} (created, never started) mounts it read-only at ${NOTE_DIR}; inside: ${listing.join(', ') || 'nothing'}`,
        ]);
      }
      case 'network': {
        await this.mustTalk(docker);
        await this.image(docker);
        await Promise.all([C.web, C.client, C.outsider].map((name) => this.removeIfThere(docker, name)));
        if ((await maybe(() => docker.getNetwork(DATA_NETWORK).inspect())) === undefined)
          await act(0, () => docker.createNetwork({ Name: DATA_NETWORK, Labels: LABELS, CheckDuplicate: true }));
        const onNet = { HostConfig: { NetworkMode: DATA_NETWORK } };
        await act(1, () =>
          this.runContainer(docker, C.web, { ...onNet, Cmd: [TALK, 'serve', String(TALK_PORT), C.web] }),
        );
        await act(2, () => this.runContainer(docker, C.client, onNet));
        const inside = await act(3, () => this.askSoon(docker));
        const outside = await act(4, () => this.askFromOutside(docker));
        return done([
          `${C.web} and ${C.client} are on ${DATA_NETWORK}; ${C.web} answers on port ${TALK_PORT}.`,
          `From ${C.client} (exit code ${inside.exitCode}): ${lastLine(inside.output)}`,
          `From a container on no shared network (exit code ${outside.exitCode}): ${lastLine(outside.output)}`,
        ]);
      }
      case 'publish': {
        await this.mustTalk(docker);
        await this.image(docker);
        if ((await maybe(() => docker.getNetwork(DATA_NETWORK).inspect())) === undefined)
          throw new BerthFailure('NOT_FOUND', `There is no network ${DATA_NETWORK}: do step 4 first.`);
        await this.removeIfThere(docker, C.port);
        await act(0, () =>
          this.runContainer(docker, C.port, {
            Cmd: [TALK, 'serve', String(TALK_PORT), C.port],
            ExposedPorts: { [PORT_KEY]: {} },
            HostConfig: {
              NetworkMode: DATA_NETWORK,
              PortBindings: { [PORT_KEY]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
            },
          }),
        );
        const published = await act(1, () => this.published(docker));
        if (published === undefined) return done([`The engine reports no host port for ${C.port}’s ${PORT_KEY}.`]);
        const reply = await this.connect(published.hostPort);
        const address = `${published.hostIp}:${published.hostPort}`;
        return done(
          [
            `The engine forwards ${address} on this machine to port ${TALK_PORT} of ${C.port}.`,
            reply.ok
              ? `Berth connected to ${reply.address} and got: ${lastLine(reply.text)}`
              : `Berth could not connect to ${reply.address}: ${reply.error}`,
          ],
          `http://${address}/`,
        );
      }
      case 'cleanup':
        return done([cleanupLine(await this.tour.cleanup())]);
    }
  }

  /** Everything the step's check looks at; each step reads only what it needs (the network step runs a program). */
  async facts(step: DataTourStepId): Promise<DataTourFacts> {
    const docker = this.engine.docker();
    const [info, listed, volumes, networks, images, version] = await Promise.all([
      maybe(() => docker.getImage(DATA_IMAGE).inspect()),
      docker.listContainers({ all: true, filters: LABEL_FILTER }),
      docker.listVolumes({ filters: LABEL_FILTER }),
      docker.listNetworks({ filters: LABEL_FILTER }),
      docker.listImages({ all: true, filters: LABEL_FILTER }),
      docker.version(),
    ]);
    const containers: DataContainerFacts[] = listed.map((c) => {
      const published = c.Ports.find((p) => p.PrivatePort === TALK_PORT && p.Type === 'tcp' && p.PublicPort);
      return {
        name: (c.Names[0] ?? '').replace(/^\//, ''),
        state: c.State,
        mounts: c.Mounts.map((m) => ({
          ...(m.Type === 'volume' && m.Name ? { volume: m.Name } : {}),
          destination: m.Destination,
          readWrite: m.RW,
        })),
        networks: Object.keys(c.NetworkSettings.Networks),
        ...(published
          ? { published: { hostIp: published.IP ?? '127.0.0.1', hostPort: String(published.PublicPort) } }
          : {}),
      };
    });
    const has = (name: string) => containers.find((c) => c.name === name);
    const notes: Record<string, string | null> = {};
    for (const name of step === 'lose' ? [C.scratch] : step === 'keep' ? [C.reader] : []) {
      if (has(name) !== undefined) notes[name] = await this.readNote(docker, name);
    }
    const talks = TALK_ARCHES.some((arch) => arch === tourArch(version.Arch));
    const client = has(C.client);
    const port = has(C.port);
    return {
      ...(info ? { image: { id: info.Id, labelled: info.Config.Labels?.[TOUR_LABEL] === '1' } } : {}),
      talks,
      containers,
      notes,
      ...(step === 'look' && has(C.look) ? { listing: await this.list(docker, C.look) } : {}),
      ...(volumes.Volumes?.some((v) => v.Name === DATA_VOLUME) ? { volume: { labelled: true } } : {}),
      ...(networks.some((n) => n.Name === DATA_NETWORK) ? { network: { labelled: true } } : {}),
      ...(step === 'network' && talks && client?.state === 'running' ? { ask: await this.ask(docker) } : {}),
      ...(step === 'publish' && port?.published ? { reply: await this.connect(port.published.hostPort) } : {}),
      leftovers: {
        containers: listed.length,
        images: images.length,
        volumes: volumes.Volumes?.length ?? 0,
        networks: networks.length,
      },
    };
  }

  private async image(docker: Dockerode): Promise<void> {
    if ((await maybe(() => docker.getImage(DATA_IMAGE).inspect())) === undefined)
      throw new BerthFailure('NOT_FOUND', `There is no image ${DATA_IMAGE}: start the tour again from the first step.`);
  }

  private async note(): Promise<string> {
    return writeNote(this.root);
  }

  private async mustTalk(docker: Dockerode): Promise<void> {
    const { Arch } = await docker.version();
    if (!TALK_ARCHES.some((arch) => arch === tourArch(Arch))) {
      throw new BerthFailure(
        'INVALID_INPUT',
        `Steps 4 and 5 need the tour’s talk program, which Berth has for amd64 engines only; this engine runs on ${Arch}.`,
      );
    }
  }

  private async removeIfThere(docker: Dockerode, name: string): Promise<void> {
    await maybe(() => docker.getContainer(name).remove({ force: true }));
  }

  private async runContainer(
    docker: Dockerode,
    name: string,
    extra: Partial<Dockerode.ContainerCreateOptions>,
  ): Promise<string> {
    const container = await docker.createContainer({ name, Image: DATA_IMAGE, Labels: LABELS, ...extra });
    await container.start();
    return container.id;
  }

  private async putNote(docker: Dockerode, name: string): Promise<void> {
    const noteFile = await this.note();
    await docker.getContainer(name).putArchive(asStream(pack(path.dirname(noteFile))), { path: NOTE_DIR });
  }

  /** The text of /data/note.txt in a container, or null when the engine says there is no such file. */
  private async readNote(docker: Dockerode, name: string): Promise<string | null> {
    const tar = await maybe(() => docker.getContainer(name).getArchive({ path: NOTE_FILE }));
    if (tar === undefined) return null;
    return (await readTar(tar as Readable, 'note.txt')).text ?? '';
  }

  private async list(docker: Dockerode, name: string): Promise<readonly string[]> {
    const tar = await docker.getContainer(name).getArchive({ path: NOTE_DIR });
    return (await readTar(tar as Readable)).names.sort();
  }

  /** `talk ask berth-tour-web 8080` in the client container, through exec. */
  private async ask(docker: Dockerode): Promise<{ exitCode: number; output: string }> {
    const exec = await docker.getContainer(C.client).exec({
      Cmd: [TALK, 'ask', C.web, String(TALK_PORT)],
      AttachStdout: true,
      AttachStderr: true,
    });
    const stream = await exec.start({ hijack: true, stdin: false });
    const output = await collect(docker, stream);
    const info = await exec.inspect();
    return { exitCode: info.ExitCode ?? -1, output };
  }

  /** As ask, again for a few seconds while the name resolves but berth-tour-web, just started, does not listen yet. */
  private async askSoon(docker: Dockerode): Promise<{ exitCode: number; output: string }> {
    let answer = await this.ask(docker);
    for (
      let attempt = 0;
      attempt < 10 && answer.exitCode !== 0 && answer.output.includes('nothing answers');
      attempt += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      answer = await this.ask(docker);
    }
    return answer;
  }

  /** The same question from a container on no network the tour made; removed once it has answered. */
  private async askFromOutside(docker: Dockerode): Promise<{ exitCode: number; output: string }> {
    const container = await docker.createContainer({
      name: C.outsider,
      Image: DATA_IMAGE,
      Labels: LABELS,
      Cmd: [TALK, 'ask', C.web, String(TALK_PORT)],
    });
    try {
      await container.start();
      const waited: unknown = await container.wait();
      const logs: unknown = await container.logs({ stdout: true, stderr: true, follow: false });
      return { exitCode: (waited as { StatusCode: number }).StatusCode, output: demux(logs as Buffer) };
    } finally {
      await container.remove({ force: true });
    }
  }

  private async published(docker: Dockerode): Promise<{ hostIp: string; hostPort: string } | undefined> {
    const info = await docker.getContainer(C.port).inspect();
    const binding = info.NetworkSettings.Ports[PORT_KEY]?.[0];
    return binding ? { hostIp: binding.HostIp || '127.0.0.1', hostPort: binding.HostPort } : undefined;
  }

  /**
   * Berth's main process connects to the published port on this machine and reads the reply. Tries again for a
   * few seconds: the engine's proxy accepts at once, but the program in a just-started container may not listen yet.
   */
  private async connect(hostPort: string): Promise<PortReply> {
    let reply = await this.connectOnce(hostPort);
    for (let attempt = 0; attempt < 15 && !reply.ok; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      reply = await this.connectOnce(hostPort);
    }
    return reply;
  }

  private connectOnce(hostPort: string): Promise<PortReply> {
    const address = `127.0.0.1:${hostPort}`;
    return new Promise((resolve) => {
      const request = http.get({ host: '127.0.0.1', port: Number(hostPort), path: '/', timeout: 3000 }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < MAX_OUTPUT) text += chunk;
        });
        response.on('end', () => resolve({ ok: true, address, text: text.slice(0, MAX_OUTPUT) }));
        response.on('error', (error) => resolve({ ok: false, address, error: error.message }));
      });
      request.on('timeout', () => request.destroy(new Error('no answer within 3 seconds')));
      request.on('error', (error) => resolve({ ok: false, address, error: error.message }));
    });
  }
}

/** An exec's output (stdout and stderr together), bounded, once the program has ended. */
function collect(docker: Dockerode, stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const sink = new PassThrough();
    let text = '';
    sink.on('data', (chunk: Buffer) => {
      if (text.length < MAX_OUTPUT) text += chunk.toString('utf8');
    });
    docker.modem.demuxStream(stream, sink, sink);
    const timer = setTimeout(
      () => reject(new BerthFailure('TIMEOUT', 'The tour’s program did not finish in 15 seconds.')),
      15_000,
    );
    stream.on('end', () => {
      clearTimeout(timer);
      resolve(text.slice(0, MAX_OUTPUT));
    });
    stream.on('error', (error: unknown) => {
      clearTimeout(timer);
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}
