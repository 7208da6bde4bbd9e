/**
 * One read of a container's logs from the engine, streamed: GET /containers/{id}/logs with timestamps, decoded
 * into lines as the bytes arrive. dockerode's own logs() buffers the whole answer unless following, which
 * a million-line backlog must not do, so the request goes through its modem with isStream.
 */
import type Dockerode from 'dockerode';
import { LogDecoder, type LineSink } from './logs.decode';

export interface ReadQuery {
  readonly follow: boolean;
  readonly tail?: number | 'all';
  /** `seconds.nanoseconds`, inclusive. */
  readonly since?: string;
  /** `seconds.nanoseconds`, inclusive. */
  readonly until?: string;
}

/** Resolves when the engine ends the answer (or the signal aborts it); rejects with the engine's error. */
export function readLogs(
  docker: Dockerode,
  id: string,
  tty: boolean,
  query: ReadQuery,
  sink: LineSink,
  signal: AbortSignal,
): Promise<void> {
  const options: Record<string, string | number | boolean> = {
    follow: query.follow,
    stdout: true,
    stderr: true,
    timestamps: true,
    tail: query.tail ?? 'all',
  };
  if (query.since !== undefined) options.since = query.since;
  if (query.until !== undefined) options.until = query.until;
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(id)}/logs?`,
        method: 'GET',
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error', 501: 'not implemented' },
        options,
      },
      (err: Error | null, stream: unknown) => {
        if (err) return reject(err);
        const body = stream as NodeJS.ReadableStream & { destroy(): void };
        const decoder = new LogDecoder(tty, sink);
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          decoder.end();
          resolve();
        };
        signal.addEventListener('abort', () => body.destroy(), { once: true });
        body.on('data', (chunk: Buffer) => decoder.push(chunk));
        body.on('end', finish);
        body.on('close', finish);
        body.on('error', (e: Error) => {
          if (signal.aborted) return finish();
          done = true;
          reject(e);
        });
      },
    );
  });
}
