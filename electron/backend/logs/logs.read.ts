/**
 * One read of a container's logs from the engine, streamed: GET /containers/{id}/logs with timestamps, decoded
 * into lines as the bytes arrive. Over a plain socket the request is sent as HTTP/1.0 (logs.http.ts: a socket
 * read then carries many frames instead of one); otherwise it goes through dockerode's modem with isStream,
 * as dockerode's own logs() buffers the whole answer unless following, which a million-line backlog must not do.
 */
import type Dockerode from 'dockerode';
import { LogDecoder, type LineSink } from './logs.decode';
import { plainTarget, streamGet, type ModemSettings } from './logs.http';

type Body = NodeJS.ReadableStream & { destroy(): void };

export interface ReadQuery {
  readonly follow: boolean;
  readonly tail?: number | 'all';
  /** `seconds.nanoseconds`, inclusive. */
  readonly since?: string;
  /** `seconds.nanoseconds`, inclusive. */
  readonly until?: string;
  /** Which output streams to read; both when left out. */
  readonly streams?: 'all' | 'stdout' | 'stderr';
}

/** Lets a reader that cannot keep up hold the engine's answer (a file being written, a download). */
export interface Flow {
  pause(): void;
  resume(): void;
}

/**
 * Resolves when the engine ends the answer (or the signal aborts it); rejects with the engine's error.
 * `onFlow` receives the pause/resume handle of the answer once it has started.
 */
export function readLogs(
  docker: Dockerode,
  id: string,
  tty: boolean,
  query: ReadQuery,
  sink: LineSink,
  signal: AbortSignal,
  onFlow?: (flow: Flow) => void,
): Promise<void> {
  const options: Record<string, string | number | boolean> = {
    follow: query.follow,
    stdout: query.streams !== 'stderr',
    stderr: query.streams !== 'stdout',
    timestamps: true,
    tail: query.tail ?? 'all',
  };
  if (query.since !== undefined) options.since = query.since;
  if (query.until !== undefined) options.until = query.until;
  const path = `/containers/${encodeURIComponent(id)}/logs`;
  const decoder = new LogDecoder(tty, sink);
  const target = plainTarget(docker.modem as ModemSettings);
  const opened: Promise<Body> = target
    ? streamGet(target, path, options, signal).then(({ head, socket }) => {
        if (head.length > 0) decoder.push(head);
        return socket;
      })
    : dialModem(docker, path, options, signal);
  return opened.then((body) => {
    const done = drain(body, decoder, signal);
    onFlow?.({ pause: () => body.pause(), resume: () => body.resume() });
    return done;
  });
}

function dialModem(
  docker: Dockerode,
  path: string,
  options: Record<string, string | number | boolean>,
  signal: AbortSignal,
): Promise<Body> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `${path}?`,
        method: 'GET',
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error', 501: 'not implemented' },
        options,
      },
      (err: Error | null, stream: unknown) => (err ? reject(err) : resolve(stream as Body)),
    );
  });
}

/** Decodes the body to its end; resolves when the engine ends it or the signal aborts it. */
function drain(body: Body, decoder: LogDecoder, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      decoder.end();
      resolve();
    };
    if (signal.aborted) {
      body.destroy();
      return finish();
    }
    signal.addEventListener('abort', () => body.destroy(), { once: true });
    body.on('data', (chunk: Buffer) => decoder.push(chunk));
    body.on('end', finish);
    body.on('close', finish);
    body.on('error', (e: Error) => {
      if (signal.aborted) return finish();
      done = true;
      reject(e);
    });
    body.resume();
  });
}
