/**
 * Builds an image from a folder through the engine's classic build API: the context is the tar of the same plan the
 * preview showed, progress is read into step events, and cancelling aborts the HTTP request, which makes the engine
 * stop the build before it tags anything (the classic builder tags only after its last step).
 */
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { BuildEvent, BuildOptions, ContextPreview } from '../../../shared/dto/build';
import { explainEngineError } from '../../../shared/engine-errors';
import { BerthFailure } from '../../../shared/result';
import { packContext, planContext, toPreview } from './build.context';
import { BuildOutputReader, toHistoryLayer } from './build.mapper';
import type { DockerSource } from '../engine/engine.types';

export interface BuildResult {
  readonly imageId: string;
  readonly tags: readonly string[];
}

/** Splits the engine's newline-delimited JSON into messages; a line that is not JSON is passed on as text. */
async function* messages(body: Readable): AsyncGenerator<unknown> {
  // Decoding on the stream keeps a character split across two chunks whole.
  body.setEncoding('utf8');
  let rest = '';
  for await (const chunk of body) {
    rest += String(chunk);
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') yield parse(line);
  }
  if (rest.trim() !== '') yield parse(rest);
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return { stream: `${line}\n` };
  }
}

const cancelled = () => new BerthFailure('CANCELLED', 'The build was cancelled. Nothing was tagged.');

export class BuildService {
  constructor(private readonly engine: DockerSource) {}

  async preview(contextPath: string, dockerfile?: string): Promise<ContextPreview> {
    return toPreview(await planContext(contextPath, dockerfile));
  }

  async run(options: BuildOptions, emit: (event: BuildEvent) => void, signal: AbortSignal): Promise<BuildResult> {
    const plan = await planContext(options.contextPath, options.dockerfile);
    if (plan.dockerfileText === null) {
      throw new BerthFailure(
        'NOT_FOUND',
        `There is no ${plan.dockerfile} in ${plan.root}. Choose the Dockerfile to build from, or write one.`,
      );
    }
    const docker = this.engine.docker();
    const files = plan.entries.filter((e) => e.kind !== 'dir');
    emit({ type: 'context', files: files.length, size: files.reduce((sum, e) => sum + e.size, 0) });
    const tags = options.tags ?? [];
    const request: Dockerode.ImageBuildOptions = {
      dockerfile: plan.dockerfile,
      // The engine takes one `t` per tag; docker-modem repeats array values, the typings only know one string.
      t: tags as unknown as string,
      buildargs: { ...options.buildArgs },
      nocache: options.noCache === true,
      pull: options.pull === true,
      rm: true,
      forcerm: true,
      version: '1',
      abortSignal: signal,
    };
    if (options.target) request.target = options.target;
    if (signal.aborted) throw cancelled();
    const context = packContext(plan);
    let body: Readable;
    try {
      body = (await docker.buildImage(context, request)) as Readable;
    } catch (error) {
      context.destroy();
      if (signal.aborted) throw cancelled();
      throw error;
    }
    const reader = new BuildOutputReader();
    try {
      for await (const message of messages(body)) {
        for (const event of reader.read(message)) emit(event);
        if (reader.failure) break;
      }
    } catch (error) {
      if (signal.aborted) throw cancelled();
      throw error;
    } finally {
      body.destroy();
    }
    for (const event of reader.flush()) emit(event);
    if (signal.aborted) throw cancelled();
    const failure = reader.failure;
    if (failure) {
      // A known engine text (a registry wanting a login, a full disk) gets the table's sentence; a failed step is
      // said as the step that failed, with the engine's words after it.
      const explained = explainEngineError(failure.message);
      const where = failure.step > 0 ? `Step ${failure.step}/${failure.total} (${failure.instruction}) failed` : '';
      const message =
        explained.entry !== null || where === ''
          ? `${where === '' ? '' : `${where}. `}${explained.message}`
          : `${where}: ${failure.message}`;
      throw new BerthFailure(explained.code, message, {
        ...failure,
        engine: failure.message,
        entry: explained.entry,
        ...(explained.next === undefined ? {} : { next: explained.next }),
      });
    }
    if (reader.imageId === undefined) {
      throw new BerthFailure('ENGINE_ERROR', 'The engine ended the build without naming an image.');
    }
    const image = docker.getImage(reader.imageId);
    const [inspect, rows] = await Promise.all([image.inspect(), image.history() as Promise<unknown[]>]);
    emit({
      type: 'done',
      imageId: inspect.Id,
      tags,
      dockerfile: plan.dockerfile,
      dockerfileText: plan.dockerfileText,
      history: rows.map(toHistoryLayer),
    });
    return { imageId: inspect.Id, tags };
  }
}
