/**
 * One build on the engine's BuildKit, the way the docker CLI runs it: a session serves the context and the
 * Dockerfile from the previewed plan (and the secrets), then `POST /build?version=2&remote=client-session` names
 * that session. Cancelling aborts the request, asks the engine to cancel the build by its id, and closes the
 * session; BuildKit tags only when it exports the finished image, so a cancelled build leaves no tag.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { BuildEvent, BuildOptions, BuildSecret } from '../../../../shared/dto/build';
import { explainEngineError } from '../../../../shared/engine-errors';
import { BerthFailure } from '../../../../shared/result';
import type { ContextPlan } from '../build.context';
import { messages } from '../build.stream';
import { openSession, sharedKeyFor, type CredentialsProvider } from './session';
import { TraceReader } from './trace.reader';

/** A secret file past this size is refused: secrets are tokens and keys, not data. */
export const MAX_SECRET_BYTES = 512 * 1024;

export interface BuildKitOutcome {
  readonly imageId: string;
  readonly reader: TraceReader;
}

/** Reads each secret's value now, in main; the values go only to BuildKit through the session. */
export async function readSecrets(
  secrets: readonly BuildSecret[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const secret of secrets) {
    if (secret.source === 'env') {
      const value = env[secret.from];
      if (value === undefined) {
        throw new BerthFailure(
          'INVALID_INPUT',
          `The secret ${secret.id} comes from the environment variable ${secret.from}, which is not set.`,
        );
      }
      out.set(secret.id, Buffer.from(value, 'utf8'));
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(secret.from);
    } catch {
      throw new BerthFailure('NOT_FOUND', `The secret ${secret.id} comes from ${secret.from}, which does not exist.`);
    }
    if (!stat.isFile())
      throw new BerthFailure('INVALID_INPUT', `The secret file ${secret.from} is not a regular file.`);
    if (stat.size > MAX_SECRET_BYTES) {
      throw new BerthFailure(
        'INVALID_INPUT',
        `The secret file ${secret.from} is larger than ${MAX_SECRET_BYTES / 1024} KB.`,
      );
    }
    out.set(secret.id, await fs.readFile(secret.from));
  }
  return out;
}

/** The query of `POST /build` for BuildKit. */
export function buildKitQuery(plan: ContextPlan, options: BuildOptions, session: string, buildId: string) {
  const query: Record<string, unknown> = {
    version: '2',
    session,
    remote: 'client-session',
    buildid: buildId,
    dockerfile: plan.dockerfile,
    // The engine takes one `t` per tag; docker-modem repeats array values.
    t: [...(options.tags ?? [])],
    buildargs: { ...options.buildArgs },
    labels: { ...options.labels },
    rm: true,
    forcerm: true,
  };
  if (options.target) query.target = options.target;
  if (options.noCache) query.nocache = true;
  if (options.pull) query.pull = true;
  if (options.network && options.network !== 'default') query.networkmode = options.network;
  if (options.platform) query.platform = options.platform;
  return query;
}

const cancelled = () => new BerthFailure('CANCELLED', 'The build was cancelled. Nothing was tagged.');

function post(docker: Dockerode, requestPath: string, options: Record<string, unknown>, signal?: AbortSignal) {
  return new Promise<Readable>((resolve, reject) => {
    docker.modem.dial(
      {
        method: 'POST',
        path: requestPath,
        // docker-modem sends a POST's options as a JSON body unless they say the query and an empty body apart; a
        // body the engine never reads would hold back its output.
        options: { _query: options, _body: {} },
        isStream: true,
        ...(signal ? { abortSignal: signal } : {}),
        statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
      },
      (error: unknown, body: unknown) =>
        error
          ? reject(error instanceof Error ? error : new Error('The engine refused the request.'))
          : resolve(body as Readable),
    );
  });
}

export async function runBuildKit(
  docker: Dockerode,
  plan: ContextPlan,
  options: BuildOptions,
  emit: (event: BuildEvent) => void,
  signal: AbortSignal,
  deps: { env: Readonly<Record<string, string | undefined>>; credentials?: CredentialsProvider },
): Promise<BuildKitOutcome> {
  const secrets = await readSecrets(options.secrets ?? [], deps.env);
  if (signal.aborted) throw cancelled();
  const dir = { root: plan.root, entries: plan.entries };
  const session = await openSession(docker, path.basename(plan.root), sharedKeyFor(plan.root), {
    dirs: { context: dir, dockerfile: dir },
    secrets,
    ...(deps.credentials ? { credentials: deps.credentials } : {}),
  });
  const buildId = randomUUID();
  const onAbort = (): void => {
    post(docker, '/build/cancel?', { id: buildId }).then(
      (body) => body.resume(),
      () => undefined,
    );
    session.close();
  };
  signal.addEventListener('abort', onAbort, { once: true });
  const reader = new TraceReader(plan.dockerfileText ?? '');
  try {
    let body: Readable;
    try {
      body = await post(docker, '/build?', buildKitQuery(plan, options, session.id, buildId), signal);
    } catch (error) {
      if (signal.aborted) throw cancelled();
      throw error;
    }
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
    if (reader.failure) throw failureOf(reader);
    if (reader.imageId === undefined) {
      throw new BerthFailure('ENGINE_ERROR', 'BuildKit ended the build without naming an image.');
    }
    return { imageId: reader.imageId, reader };
  } finally {
    signal.removeEventListener('abort', onAbort);
    session.close();
  }
}

/** The failing step said with its Dockerfile line and last lines of output, the engine's words after it. */
function failureOf(reader: TraceReader): BerthFailure {
  const failure = reader.failure;
  if (!failure) return new BerthFailure('INTERNAL', 'The build failed.');
  const explained = explainEngineError(failure.message);
  const step = failure.vertex;
  const where = step ? `${step.name}${step.line === null ? '' : ` (Dockerfile line ${step.line})`} failed` : '';
  const message =
    explained.entry !== null || where === ''
      ? `${where === '' ? '' : `${where}. `}${explained.message}`
      : `${where}: ${failure.message}`;
  return new BerthFailure(explained.code, message, {
    engine: failure.message,
    entry: explained.entry,
    step: step?.name ?? null,
    line: step?.line ?? null,
    lastLines: failure.lastLines,
    ...(explained.next === undefined ? {} : { next: explained.next }),
  });
}
