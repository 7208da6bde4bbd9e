/**
 * Builds an image from a folder with the builder the engine offers: BuildKit through a session (buildkit/), or the
 * classic build API, whose context is the tar of the same plan the preview showed and whose progress is read into
 * step events. Cancelling aborts the HTTP request, which makes the engine stop the build before it tags anything
 * (both builders tag only at the end).
 */
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { BuildEvent, BuilderKind, BuildOptions, ContextPreview } from '../../../shared/dto/build';
import { explainEngineError } from '../../../shared/engine-errors';
import { BerthFailure } from '../../../shared/result';
import { packContext, planContext, toPreview } from './build.context';
import { BuildOutputReader, toHistoryLayer } from './build.mapper';
import type { DockerSource } from '../engine/engine.types';
import { BuildLogRecorder, type BuildHistory } from './build.history';
import { messages } from './build.stream';
import { chooseBuilder } from './buildkit/builder.choice';
import { runBuildKit } from './buildkit/buildkit.run';
import type { CredentialsProvider } from './buildkit/session';

export interface BuildServiceOptions {
  /** Where `env` secrets are read from: main's own environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Registry credentials for BuildKit's pulls; a registry-login feature plugs in here. */
  readonly credentials?: CredentialsProvider;
  /** Where finished builds are remembered; without it they are not. */
  readonly history?: BuildHistory;
}

export interface BuildResult {
  readonly imageId: string;
  readonly tags: readonly string[];
  readonly builder: BuilderKind;
  readonly durationMs: number;
  readonly cachedSteps: number;
}

const cancelled = () => new BerthFailure('CANCELLED', 'The build was cancelled. Nothing was tagged.');

export class BuildService {
  constructor(
    private readonly engine: DockerSource,
    private readonly options: BuildServiceOptions = {},
  ) {}

  async preview(contextPath: string, dockerfile?: string): Promise<ContextPreview> {
    return toPreview(await planContext(contextPath, dockerfile));
  }

  /** Runs a build and adds it to the history, whatever its outcome. */
  async runAndRecord(
    options: BuildOptions,
    emit: (event: BuildEvent) => void,
    signal: AbortSignal,
  ): Promise<BuildResult> {
    const history = this.options.history;
    if (!history) return this.run(options, emit, signal);
    const recorder = new BuildLogRecorder();
    const startedAt = Date.now();
    let dockerfile = options.dockerfile ?? 'Dockerfile';
    const record = (event: BuildEvent): void => {
      recorder.add(event);
      if (event.type === 'done') dockerfile = event.dockerfile;
      emit(event);
    };
    const base = { startedAt, options, dockerfile };
    try {
      const result = await this.run(options, record, signal);
      await history.add(
        {
          ...base,
          durationMs: result.durationMs,
          builder: result.builder,
          outcome: 'succeeded',
          imageId: result.imageId,
          steps: recorder.steps,
          cachedSteps: result.cachedSteps,
          error: null,
        },
        recorder,
      );
      return result;
    } catch (error) {
      const failure = error instanceof BerthFailure ? error.error : null;
      const message = failure?.message ?? (error instanceof Error ? error.message : 'The build failed.');
      recorder.fail(message);
      await history
        .add(
          {
            ...base,
            durationMs: Date.now() - startedAt,
            builder: recorder.builder,
            outcome: failure?.code === 'CANCELLED' ? 'cancelled' : 'failed',
            imageId: null,
            steps: recorder.steps,
            cachedSteps: 0,
            error: message,
          },
          recorder,
        )
        .catch(() => undefined);
      throw error;
    }
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
    const started = Date.now();
    const choice = await chooseBuilder(docker, options.builder);
    emit({ type: 'builder', ...choice });
    const files = plan.entries.filter((e) => e.kind !== 'dir');
    emit({ type: 'context', files: files.length, size: files.reduce((sum, e) => sum + e.size, 0) });
    const tags = options.tags ?? [];
    if (choice.builder === 'buildkit') {
      const env = this.options.env ?? {};
      const credentials = this.options.credentials;
      const { imageId, reader } = await runBuildKit(docker, plan, options, emit, signal, {
        env,
        ...(credentials ? { credentials } : {}),
      });
      const cachedSteps = reader.steps.filter((v) => v.cached).length;
      return this.finish(docker, imageId, tags, plan.dockerfile, plan.dockerfileText, emit, {
        builder: 'buildkit',
        durationMs: Date.now() - started,
        cachedSteps,
      });
    }
    if ((options.secrets ?? []).length > 0) {
      throw new BerthFailure('INVALID_INPUT', `Build secrets need BuildKit. ${choice.reason}`);
    }
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
    if (options.network && options.network !== 'default') request.networkmode = options.network;
    if (options.platform) request.platform = options.platform;
    if (options.labels) request.labels = { ...options.labels };
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
    const cachedSteps = reader.cachedSteps;
    return this.finish(docker, reader.imageId, tags, plan.dockerfile, plan.dockerfileText, emit, {
      builder: 'classic',
      durationMs: Date.now() - started,
      cachedSteps,
    });
  }

  private async finish(
    docker: Dockerode,
    imageId: string,
    tags: readonly string[],
    dockerfile: string,
    dockerfileText: string,
    emit: (event: BuildEvent) => void,
    facts: { builder: BuilderKind; durationMs: number; cachedSteps: number },
  ): Promise<BuildResult> {
    const image = docker.getImage(imageId);
    const [inspect, rows] = await Promise.all([image.inspect(), image.history() as Promise<unknown[]>]);
    emit({
      type: 'done',
      imageId: inspect.Id,
      tags,
      dockerfile,
      dockerfileText,
      history: rows.map(toHistoryLayer),
      ...facts,
    });
    return { imageId: inspect.Id, tags, ...facts };
  }
}
